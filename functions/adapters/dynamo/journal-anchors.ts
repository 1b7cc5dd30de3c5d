import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AnchoredHead, JournalAnchor } from '../../domain/journal-anchor';
import type { JournalHead } from '../../domain/journal';
import type { JournalAnchors } from '../../domain/ports';
import { HEAD_SHARDS, keys, type DocumentClient } from './client';
import { isConditionFailure } from './errors';

/**
 * The daily anchors: one item per day (the first stored stands), and a pointer to the latest.
 * `allHeads` Queries the 16 partitions where every dossier's transaction keeps its journal head
 * (`keys.journalHead`): no Scan, and only the heads are read.
 */
export class DynamoJournalAnchors implements JournalAnchors {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async get(day: string): Promise<JournalAnchor | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.journalAnchor(day) }));
    return (Item?.anchor as JournalAnchor | undefined) ?? null;
  }

  async latest(): Promise<JournalAnchor | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.latestAnchor() }));
    return (Item?.anchor as JournalAnchor | undefined) ?? null;
  }

  async save(anchor: JournalAnchor): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.journalAnchor(anchor.day), type: 'journal-anchor', anchor },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.latestAnchor(), type: 'journal-anchor-latest', day: anchor.day, anchor },
          ConditionExpression: 'attribute_not_exists(pk) OR #day < :day',
          ExpressionAttributeNames: { '#day': 'day' },
          ExpressionAttributeValues: { ':day': anchor.day },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // a later day's anchor is already the latest
    }
    return true;
  }

  async *allHeads(): AsyncIterable<AnchoredHead> {
    for (const shard of HEAD_SHARDS) {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `HEADS#${shard}` },
            ExclusiveStartKey: start,
            ConsistentRead: true,
          }),
        );
        for (const item of page.Items ?? [])
          yield { dossierId: String(item.dossierId), head: item.head as JournalHead };
        start = page.LastEvaluatedKey;
      } while (start);
    }
  }
}
