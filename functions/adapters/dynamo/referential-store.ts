import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../../domain/errors';
import type { Referential, ReferentialStore } from '../../domain/ports';
import { SHIPPED_REFERENTIALS } from '../../domain/referentials';
import { CURRENT_REFERENTIAL_VERSION } from '../../domain/dossier';
import type { DocumentClient } from './client';
import { isConditionFailure } from './errors';

const key = (version: string) => ({ pk: `REFERENTIAL#${version}`, sk: 'REFERENTIAL' });

/** Shipped versions come from code; imported ones from the table (one item each). */
export class DynamoReferentialStore implements ReferentialStore {
  private readonly cache = new Map<string, Referential>();

  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async get(version: string): Promise<Referential | null> {
    const shipped = SHIPPED_REFERENTIALS[version];
    if (shipped) return shipped;
    const cached = this.cache.get(version);
    if (cached) return cached;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key(version) }));
    const referential = (Item?.referential as Referential | undefined) ?? null;
    if (referential) this.cache.set(version, referential); // versions never change once published
    return referential;
  }

  async current(): Promise<string> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: key('CURRENT') }));
    return typeof Item?.version === 'string' ? Item.version : CURRENT_REFERENTIAL_VERSION;
  }

  async setCurrent(version: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...key('CURRENT'), type: 'referential-pointer', version } }),
    );
  }

  async put(referential: Referential): Promise<void> {
    if (SHIPPED_REFERENTIALS[referential.version])
      throw new ConflictError(`the referential ${referential.version} already exists`);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...key(referential.version), type: 'referential', referential },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(`the referential ${referential.version} already exists`);
      throw error;
    }
  }
}
