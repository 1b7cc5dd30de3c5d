import { DeleteCommand, GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkflowClock, WorkflowStateStore, WorkflowWait } from '../../domain/ports';
import { keys, queryPartition, type DocumentClient } from './client';
import { isConditionFailure } from './errors';

/** Partition of the sparse index of open dossiers' next legal instants (gsi2). */
export const WORKFLOW_CLOCKS = 'CLOCK#DOSSIER';

/** Where a waiting execution's task token and the dossier's next legal instant are kept, beside
 * (not inside) the dossier, so that the workflow never bumps the version the candidate's ETag
 * refers to. The item is in the "next legal instant" index while the dossier is open. */
export class DynamoWorkflowStateStore implements WorkflowStateStore {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async expect(dossierId: string, generation: number, checkAt: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.dossierWorkflow(dossierId),
          UpdateExpression:
            'SET #t = :type, dossierId = :id, generation = :g, checkAt = :at, gsi2pk = :pk, gsi2sk = :sk',
          ConditionExpression: 'attribute_not_exists(generation) OR generation < :g',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: {
            ':type': 'workflow',
            ':id': dossierId,
            ':g': generation,
            ':at': checkAt,
            ':pk': WORKFLOW_CLOCKS,
            ':sk': `${checkAt}#${dossierId}`,
          },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error; // this generation or a later one is already known
    }
  }

  async saveWait(wait: WorkflowWait & { generation: number; checkAt: string }): Promise<boolean> {
    const { generation, checkAt, ...stored } = wait;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.dossierWorkflow(wait.dossierId),
          UpdateExpression:
            'SET #t = :type, dossierId = :id, generation = :g, checkAt = :at, #w = :wait, gsi2pk = :pk, gsi2sk = :sk',
          ConditionExpression: 'attribute_not_exists(generation) OR generation <= :g',
          ExpressionAttributeNames: { '#t': 'type', '#w': 'wait' },
          ExpressionAttributeValues: {
            ':type': 'workflow',
            ':id': wait.dossierId,
            ':g': generation,
            ':at': checkAt,
            ':wait': stored,
            ':pk': WORKFLOW_CLOCKS,
            ':sk': `${checkAt}#${wait.dossierId}`,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async takeWait(dossierId: string): Promise<WorkflowWait | null> {
    try {
      const { Attributes } = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.dossierWorkflow(dossierId),
          UpdateExpression: 'REMOVE #w',
          ConditionExpression: 'attribute_exists(#w)',
          ExpressionAttributeNames: { '#w': 'wait' },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return (Attributes?.wait as WorkflowWait | undefined) ?? null;
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
  }

  async get(dossierId: string): Promise<WorkflowClock | null> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.dossierWorkflow(dossierId) }),
    );
    return Item && Item.generation !== undefined ? toClock(Item) : null;
  }

  async forget(dossierId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.dossierWorkflow(dossierId) }));
  }

  async *list(): AsyncIterable<WorkflowClock> {
    for await (const item of queryPartition(this.db, this.table, { index: 'gsi2', value: WORKFLOW_CLOCKS }))
      yield toClock(item);
  }

  async earliest(): Promise<string | null> {
    const { Items = [] } = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': WORKFLOW_CLOCKS },
        Limit: 1,
      }),
    );
    return Items[0] ? String(Items[0].checkAt) : null;
  }
}

const toClock = (item: Record<string, unknown>): WorkflowClock => ({
  dossierId: String(item.dossierId),
  generation: Number(item.generation),
  checkAt: String(item.checkAt),
  ...(item.wait ? { wait: item.wait as WorkflowWait } : {}),
});
