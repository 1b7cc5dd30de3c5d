import { ConflictError } from '../../domain/errors';
import type { CompanyMembers } from '../../domain/ports';

/** Which company each account acts for; bound once, never to another company, never back once removed. */
export class InMemoryMembers implements CompanyMembers {
  readonly bindings = new Map<string, string>();
  private readonly emails = new Map<string, string>();
  private readonly removed = new Set<string>();
  async companyOf(sub: string) {
    return this.removed.has(sub) ? null : (this.bindings.get(sub) ?? null);
  }
  async bind(sub: string, companyId: string, email?: string) {
    const bound = this.bindings.get(sub);
    if (bound && bound !== companyId) throw new ConflictError('this account already acts for another company');
    if (this.removed.has(sub)) throw new ConflictError('this account was removed from its company');
    this.bindings.set(sub, companyId);
    if (email) this.emails.set(sub, email.toLowerCase());
  }
  async removeByEmail(companyId: string, email: string, _at: string) {
    const subs = [...this.bindings]
      .filter(([sub, c]) => c === companyId && this.emails.get(sub) === email.toLowerCase() && !this.removed.has(sub))
      .map(([sub]) => sub);
    for (const sub of subs) this.removed.add(sub);
    return subs;
  }
}
