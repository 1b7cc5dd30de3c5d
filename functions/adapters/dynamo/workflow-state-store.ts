import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { WorkflowStateStore, WorkflowWait } from '../../domain/ports';
import { keys, type DocumentClient } from './client';

/** Where a waiting execution's task token is kept, beside (not inside) the dossier, so that
 * the workflow never bumps the version the candidate's ETag refers to. */
export class DynamoWorkflowStateStore implements WorkflowStateStore {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async saveWait(wait: WorkflowWait): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.dossierWorkflow(wait.dossierId), type: 'workflow-wait', wait },
      }),
    );
  }

  async takeWait(dossierId: string): Promise<WorkflowWait | null> {
    const { Attributes } = await this.db.send(
      new DeleteCommand({ TableName: this.table, Key: keys.dossierWorkflow(dossierId), ReturnValues: 'ALL_OLD' }),
    );
    return (Attributes?.wait as WorkflowWait | undefined) ?? null;
  }
}
