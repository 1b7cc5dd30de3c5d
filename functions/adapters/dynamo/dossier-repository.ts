import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Dossier } from '../../domain/dossier';
import { ConflictError, PreconditionFailedError } from '../../domain/errors';
import type { JournalEvent } from '../../domain/journal';
import type { DossierChange, DossierRepository, StoredDossier } from '../../domain/ports';
import { keys, type DocumentClient } from './client';
import { isConditionFailure } from './errors';
import { outboxPut } from './outbox-items';

interface DossierItem {
  dossier: Dossier;
  version: number;
  journalHead: StoredDossier['journalHead'];
}

export class DynamoDossierRepository implements DossierRepository {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async get(id: string): Promise<StoredDossier | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.dossier(id), ConsistentRead: true }),
    );
    if (!Item) return null;
    const item = Item as DossierItem;
    return { dossier: item.dossier, version: item.version, journalHead: item.journalHead };
  }

  async create(change: DossierChange): Promise<StoredDossier> {
    try {
      await this.write(change, 1, { ConditionExpression: 'attribute_not_exists(pk)' });
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError('this dossier already exists');
      throw error;
    }
    return { dossier: change.dossier, version: 1, journalHead: change.head };
  }

  async update(expectedVersion: number, change: DossierChange): Promise<StoredDossier> {
    try {
      await this.write(change, expectedVersion + 1, {
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      });
    } catch (error) {
      if (isConditionFailure(error)) throw new PreconditionFailedError('the dossier was modified since you read it');
      throw error;
    }
    return { dossier: change.dossier, version: expectedVersion + 1, journalHead: change.head };
  }

  async journal(id: string): Promise<JournalEvent[]> {
    const events: JournalEvent[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.dossier(id).pk, ':prefix': 'EVENT#' },
          ExclusiveStartKey: cursor,
          ConsistentRead: true,
        }),
      );
      events.push(...((page.Items ?? []).map((i) => i.event) as JournalEvent[]));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return events;
  }

  private async write(
    change: DossierChange,
    version: number,
    condition: { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> },
  ) {
    const { dossier } = change;
    const item = {
      ...keys.dossier(dossier.id),
      type: 'dossier',
      gsi1pk: `COMPANY#${dossier.companyId}`,
      gsi1sk: `DOSSIER#${dossier.createdAt}#${dossier.id}`,
      dossier,
      version,
      journalHead: change.head,
    };
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: item, ...condition } },
          ...change.events.map((event) => ({
            Put: {
              TableName: this.table,
              Item: { ...keys.dossierEvent(dossier.id, event.seq), type: 'event', event },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          })),
          ...(change.outbox ?? []).map((m) => outboxPut(this.table, m)),
        ],
      }),
    );
  }
}
