import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiClient } from '../../domain/api-clients';
import { ConflictError } from '../../domain/errors';
import type { ApiClientDirectory, ApiClientStore } from '../../domain/ports';
import { clone } from './support';

export class InMemoryApiClients implements ApiClientStore {
  readonly clients = new Map<string, ApiClient>();
  private readonly windows = new Map<string, number>();

  async create(client: ApiClient) {
    if (this.clients.has(client.clientId)) throw new ConflictError('this API client already exists');
    this.clients.set(client.clientId, clone(client));
  }
  async get(clientId: string) {
    const found = this.clients.get(clientId);
    return found ? clone(found) : null;
  }
  async list(companyId: string) {
    return [...this.clients.values()]
      .filter((c) => c.companyId === companyId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(clone);
  }
  async revoke(client: ApiClient) {
    if (!this.clients.has(client.clientId)) throw new ConflictError('no such API client');
    this.clients.set(client.clientId, clone(client));
  }
  async countRequest(clientId: string, window: { key: string }) {
    const key = `${clientId}#${window.key}`;
    const count = (this.windows.get(key) ?? 0) + 1;
    this.windows.set(key, count);
    return count;
  }
}

/** The identity provider in memory: ids and secrets as Cognito makes them, nothing kept but the ids. */
export class InMemoryApiClientDirectory implements ApiClientDirectory {
  readonly issued = new Set<string>();
  async create() {
    const clientId = randomUUID().replace(/-/g, '').slice(0, 26);
    this.issued.add(clientId);
    return { clientId, clientSecret: randomBytes(32).toString('base64url') };
  }
  async remove(clientId: string) {
    this.issued.delete(clientId);
  }
}
