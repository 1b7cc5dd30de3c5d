import { describe, expect, it } from 'vitest';
import { callerOf } from '../http/request';
import type { HttpEvent } from '../http/types';
import { actingRole, ROLES_BY_PRIVILEGE } from './roles';
import { ForbiddenError, UnauthorizedError } from './errors';

/** The API's side of the one role vocabulary (the portal's: portal/src/auth/session-role.test.ts). */
const event = (groups: string[], routeKey = 'GET /v1/dossiers/{id}') =>
  ({
    routeKey,
    requestContext: {
      authorizer: { jwt: { claims: { sub: 'u', 'cognito:groups': `[${groups.join(' ')}]`, token_use: 'access' } } },
    },
  }) as unknown as HttpEvent;

describe('roles in privilege order', () => {
  const pairs = ROLES_BY_PRIVILEGE.flatMap((a, i) => ROLES_BY_PRIVILEGE.slice(i + 1).map((b) => [a, b] as const));
  const staffPairs = pairs.filter(([a]) => a !== 'candidate');
  it.each(staffPairs)('%s + %s acts as %s, whatever the claim’s order', (least, more) => {
    expect(actingRole([more, least])).toBe(least);
    expect(callerOf(event([more, least])).roles).toEqual([least]);
  });

  // separation of duties (issue 23): nobody acts on a file as both its company and ANS
  it.each(pairs.filter(([a]) => a === 'candidate'))('refuses a token holding %s and %s', (candidate, staff) => {
    expect(() => callerOf(event([staff, candidate]))).toThrow(ForbiddenError);
    expect(() => callerOf(event([staff, candidate]), undefined)).toThrow(/separation of duties/);
  });

  it('refuses a staff token bound to a company, and lets a candidate’s through', () => {
    const bound = (groups: string[]) =>
      ({
        routeKey: 'GET /v1/dossiers/{id}',
        requestContext: {
          authorizer: {
            jwt: {
              claims: {
                sub: 'u',
                'cognito:groups': `[${groups.join(' ')}]`,
                'custom:ensId': 'c1',
                token_use: 'access',
              },
            },
          },
        },
      }) as unknown as HttpEvent;
    expect(() => callerOf(bound(['instructor']))).toThrow(ForbiddenError);
    expect(callerOf(bound(['candidate']))).toEqual({ sub: 'u', roles: ['candidate'], ensId: 'c1' });
  });

  it('takes access tokens only: an ID token is refused (401)', () => {
    const id = {
      routeKey: 'GET /v1/dossiers/{id}',
      requestContext: {
        authorizer: { jwt: { claims: { sub: 'u', 'cognito:groups': '[instructor]', token_use: 'id' } } },
      },
    } as unknown as HttpEvent;
    expect(() => callerOf(id)).toThrow(UnauthorizedError);
  });

  it('ignores groups that are not roles', () => {
    expect(callerOf(event(['instructor', 'everyone'])).roles).toEqual(['instructor']);
    expect(actingRole(['everyone'])).toBeUndefined();
  });
});
