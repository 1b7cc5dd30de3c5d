import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { registrationKey, type Company } from '../../domain/company';
import { ConflictError } from '../../domain/errors';
import type { OutboxMessage } from '../../domain/outbox';
import type { CompanyRepository } from '../../domain/ports';
import { keys, type DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { putWithOutbox } from './outbox-items';

export class DynamoCompanyRepository implements CompanyRepository {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async create(company: Company, outbox: OutboxMessage[] = []): Promise<void> {
    try {
      await putWithOutbox(
        this.db,
        this.table,
        [
          {
            // the registration key item makes "one account per SIRET / VAT number" atomic
            Item: { ...keys.companyRegistration(registrationKey(company)), type: 'company-key', companyId: company.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
          { Item: this.item(company), ConditionExpression: 'attribute_not_exists(pk)' },
        ],
        outbox,
      );
    } catch (error) {
      if (isConditionFailure(error))
        throw new ConflictError('a company with this SIRET or VAT number is already registered');
      throw error;
    }
  }

  async update(company: Company, outbox: OutboxMessage[] = []): Promise<void> {
    await putWithOutbox(
      this.db,
      this.table,
      [{ Item: this.item(company), ConditionExpression: 'attribute_exists(pk)' }],
      outbox,
    );
  }

  async get(id: string): Promise<Company | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.company(id) }));
    return (Item?.company as Company | undefined) ?? null;
  }

  private item(company: Company) {
    return { ...keys.company(company.id), type: 'company', company };
  }
}
