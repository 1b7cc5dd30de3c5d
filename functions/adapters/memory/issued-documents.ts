import type { IssuedDocument } from '../../domain/document-job';
import type { IssuedDocuments } from '../../domain/ports';
import { clone } from './support';

export class InMemoryIssuedDocuments implements IssuedDocuments {
  readonly documents = new Map<string, IssuedDocument>();

  async record(document: IssuedDocument) {
    this.documents.set(document.sha256, clone(document));
  }

  async find(sha256: string) {
    const found = this.documents.get(sha256);
    return found ? clone(found) : null;
  }
}
