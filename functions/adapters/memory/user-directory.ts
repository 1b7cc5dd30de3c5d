import type { UserDirectory } from '../../domain/ports';

/** The identity provider in memory: an invited account's id is its email, as the local stack's. */
export class InMemoryUserDirectory implements UserDirectory {
  readonly disabled = new Set<string>();
  async invite(user: { email: string }) {
    return `invited:${user.email}`;
  }
  async disable(user: { email: string }) {
    this.disabled.add(user.email.toLowerCase());
  }
}
