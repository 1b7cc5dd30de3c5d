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

/**
 * Separation of duties: nobody is both a company's candidate and ANS staff, and a staff account is
 * never bound to a company — else a person could review, instruct or decide on their own file.
 * Returns why a token breaks it, or undefined.
 */
export const dutiesConflict = (roles: readonly string[], boundToCompany: boolean): string | undefined => {
  const staff = roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r));
  if (staff && roles.includes('candidate')) return 'a token may not combine the candidate role with an ANS role';
  if (staff && boundToCompany) return 'an ANS account is never bound to a company';
  return undefined;
};

/** The role a holder of `roles` acts with: the least privileged it holds (undefined for none). */
export const actingRole = (roles: readonly string[]): Role | undefined =>
  ROLES_BY_PRIVILEGE.find((r) => roles.includes(r));
