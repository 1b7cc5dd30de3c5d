import { describe, expect, it } from 'vitest';
import { callerOf } from '../http/request';
import type { HttpEvent } from '../http/types';
import { actingRole, ROLES_BY_PRIVILEGE } from './roles';

/** The API's side of the one role vocabulary (the portal's: portal/src/auth/session-role.test.ts). */
const event = (groups: string[], routeKey = 'GET /v1/dossiers/{id}') =>
  ({
    routeKey,
    requestContext: { authorizer: { jwt: { claims: { sub: 'u', 'cognito:groups': `[${groups.join(' ')}]` } } } },
  }) as unknown as HttpEvent;

describe('roles in privilege order', () => {
  const pairs = ROLES_BY_PRIVILEGE.flatMap((a, i) => ROLES_BY_PRIVILEGE.slice(i + 1).map((b) => [a, b] as const));
  it.each(pairs)('%s + %s acts as %s, whatever the claim’s order', (least, more) => {
    expect(actingRole([more, least])).toBe(least);
    expect(callerOf(event([more, least])).roles).toEqual([least]);
  });

  it('ignores groups that are not roles', () => {
    expect(callerOf(event(['instructor', 'everyone'])).roles).toEqual(['instructor']);
    expect(actingRole(['everyone'])).toBeUndefined();
  });
});
