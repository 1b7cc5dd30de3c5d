import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IssuedDocument } from '../../domain/document-job';
import type { IssuedDocuments } from '../../domain/ports';
import { keys, type DocumentClient } from './client';

/** The issued documents by hash: one item each, written once by the renderer, read by the public check. */
export class DynamoIssuedDocuments implements IssuedDocuments {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async record(document: IssuedDocument): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.issuedDocument(document.sha256), type: 'issued-document', document },
      }),
    );
  }

  async find(sha256: string): Promise<IssuedDocument | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.issuedDocument(sha256) }));
    return (Item?.document as IssuedDocument | undefined) ?? null;
  }
}
