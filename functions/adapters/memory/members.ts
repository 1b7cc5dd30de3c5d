import { ConflictError } from '../../domain/errors';
import type { CompanyMembers } from '../../domain/ports';

/** Which company each account acts for; bound once, never to another company. */
export class InMemoryMembers implements CompanyMembers {
  readonly bindings = new Map<string, string>();
  async companyOf(sub: string) {
    return this.bindings.get(sub) ?? null;
  }
  async bind(sub: string, companyId: string) {
    const bound = this.bindings.get(sub);
    if (bound && bound !== companyId) throw new ConflictError('this account already acts for another company');
    this.bindings.set(sub, companyId);
  }
}
