import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { AnchoredHead, JournalAnchor } from '../../domain/journal-anchor';
import type { JournalHead } from '../../domain/journal';
import type { JournalAnchors } from '../../domain/ports';
import { keys, type DocumentClient } from './client';
import { isConditionFailure } from './errors';

/**
 * The daily anchors: one item per day (the first stored stands), and a pointer to the latest.
 * `allHeads` is the one Scan outside operators' tools: once a day, by the proof worker, reading
 * only the dossiers' head items (a filter and a projection; the events stay where they are).
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
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: 'begins_with(pk, :d) AND sk = :meta',
          ProjectionExpression: 'pk, journalHead',
          ExpressionAttributeValues: { ':d': 'DOSSIER#', ':meta': 'META' },
          ExclusiveStartKey: start,
          ConsistentRead: true,
        }),
      );
      for (const item of page.Items ?? [])
        yield { dossierId: String(item.pk).slice('DOSSIER#'.length), head: item.journalHead as JournalHead };
      start = page.LastEvaluatedKey;
    } while (start);
  }
}
