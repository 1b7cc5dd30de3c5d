import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { CompanyMembers } from '../../domain/ports';
import { keys, type DocumentClient } from './client';

/** Account → company bindings: one item per account, written once by the invitation. */
export class DynamoMemberStore implements CompanyMembers {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async companyOf(sub: string): Promise<string | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.member(sub) }));
    return typeof Item?.companyId === 'string' ? Item.companyId : null;
  }

  async bind(sub: string, companyId: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.member(sub), type: 'member', companyId },
          // a binding never moves to another company (a replay of the same one is fine)
          ConditionExpression: 'attribute_not_exists(pk) OR companyId = :c',
          ExpressionAttributeValues: { ':c': companyId },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException)
        throw new ConflictError('this account already acts for another company');
      throw error;
    }
  }
}
