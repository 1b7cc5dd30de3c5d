import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PersonalDataLog, PersonalDataRequestKind } from '../../domain/ports';
import { keys, type DocumentClient } from './client';

/** A person's requests for their own data, in their own partition (`PERSONLOG#sub`), never rewritten. */
export class DynamoPersonalDataLog implements PersonalDataLog {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async record(entry: { sub: string; at: string; kind: PersonalDataRequestKind }): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.personalDataLog(entry.sub, entry.at, entry.kind), type: 'personal-data-request', entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async list(sub: string) {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.personalDataLog(sub, '', '').pk },
        ConsistentRead: true,
      }),
    );
    return (Items ?? []).map((i) => ({ at: String(i.entry.at), kind: i.entry.kind as PersonalDataRequestKind }));
  }
}
