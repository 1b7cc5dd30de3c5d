import { describe, expect, it } from 'vitest';
import { ROLES_BY_PRIVILEGE } from '../../../functions/domain/roles';
import { sessionFromToken } from './session';

/** The portal reads the API's role list: a token with several roles acts with the least privileged. */
const token = (groups: string[]) =>
  `x.${btoa(JSON.stringify({ sub: 'u', 'cognito:groups': groups, exp: 4_000_000_000 })).replace(/=+$/, '')}.y`;

describe('the portal acts with the role the API acts with', () => {
  const pairs = ROLES_BY_PRIVILEGE.flatMap((a, i) => ROLES_BY_PRIVILEGE.slice(i + 1).map((b) => [a, b] as const));
  it.each(pairs)('%s + %s acts as %s', (least, more) => {
    expect(sessionFromToken(token([more, least])).role).toBe(least);
  });
});
