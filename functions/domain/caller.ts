import { ForbiddenError, NotFoundError } from './errors';
import { STAFF_ROLES, type Role } from './roles';
import type { Dossier } from './dossier';

/** Who is calling, as established by the JWT authoriser. */
export interface Caller {
  sub: string;
  roles: Role[];
  /** the company a candidate acts for */
  ensId?: string;
  /** when the person last signed in (the token's `auth_time`): acts that need a recent sign-in check it */
  authenticatedAt?: string;
  /** the account's address, when its token carries it (what a person's own data is matched by) */
  email?: string;
  /** set when a company's API client calls (client-credentials grant): a machine, not a person */
  clientId?: string;
}

export { STAFF_ROLES };

export const requireRole = (caller: Caller, allowed: readonly Role[]): void => {
  if (!caller.roles.some((r) => allowed.includes(r)))
    throw new ForbiddenError(`this action needs one of the roles: ${allowed.join(', ')}`);
};

export const isStaff = (caller: Caller) => caller.roles.some((r) => STAFF_ROLES.includes(r));

/** A candidate may only see its own company's dossiers; any other is "not found", never "forbidden". */
export const assertCanSee = (caller: Caller, dossier: Dossier | undefined | null): Dossier => {
  if (!dossier) throw new NotFoundError('no such dossier');
  if (isStaff(caller)) return dossier;
  if (caller.roles.includes('candidate') && caller.ensId === dossier.companyId) return dossier;
  throw new NotFoundError('no such dossier');
};

export const actorOf = (caller: Caller) => ({ sub: caller.sub, role: caller.roles[0] ?? 'unknown' });
export const SYSTEM_ACTOR = { sub: 'system', role: 'timer' };
