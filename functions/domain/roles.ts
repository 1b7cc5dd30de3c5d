/**
 * The platform's roles, once, in privilege order (least privileged first): a token holding several
 * acts with the first it holds unless its route says otherwise — the API and the portal read this
 * same list (they once disagreed on college + security reviewer). Cognito groups bear these names.
 */
export const ROLES_BY_PRIVILEGE = ['candidate', 'college', 'security_reviewer', 'instructor', 'admin'] as const;
export type Role = (typeof ROLES_BY_PRIVILEGE)[number];

/** Every role (for schemas and the identity provider's groups). */
export const ROLES: readonly Role[] = ROLES_BY_PRIVILEGE;

/** ANS staff: every role but the candidate's. */
export const STAFF_ROLES: readonly Role[] = ROLES_BY_PRIVILEGE.filter((r) => r !== 'candidate');

export const isRole = (value: string): value is Role => (ROLES_BY_PRIVILEGE as readonly string[]).includes(value);

/** The role a holder of `roles` acts with: the least privileged it holds (undefined for none). */
export const actingRole = (roles: readonly string[]): Role | undefined =>
  ROLES_BY_PRIVILEGE.find((r) => roles.includes(r));
