import { actingRole, type Role } from '../../../functions/domain/roles';

/** The signed-in person, from their token (Cognito's id token in AWS, the local issuer's here). */
export type { Role };

export interface Session {
  token: string;
  role: Role;
  sub: string;
  email?: string;
  /** the company a candidate acts for */
  ensId?: string;
  expiresAt: number;
}

const KEY = 'tlc.session';

const decodePayload = (token: string): Record<string, unknown> => {
  const part = token.split('.')[1] ?? '';
  const json = atob(
    part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '='),
  );
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
};

/**
 * Reads what the portal needs from a token; the service verifies it on every call, this is only
 * for display and routing. A token with several groups acts with its least privileged one, as the API.
 */
export const sessionFromToken = (token: string): Session => {
  const claims = decodePayload(token);
  const groups = (claims['cognito:groups'] as Role[] | undefined) ?? [];
  const role = actingRole(groups);
  if (!role) throw new Error('Ce compte n’a aucun rôle sur la plateforme.');
  return {
    token,
    role,
    sub: String(claims.sub),
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    ...(typeof claims['custom:ensId'] === 'string' ? { ensId: claims['custom:ensId'] } : {}),
    expiresAt: Number(claims.exp ?? 0) * 1000,
  };
};

const listeners = new Set<() => void>();
export const onSessionChange = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

// session storage: the token leaves with the tab, and never reaches another site's script
export const currentSession = (): Session | null => {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
};

export const signIn = (token: string) => {
  const session = sessionFromToken(token);
  sessionStorage.setItem(KEY, JSON.stringify(session));
  // signed in again: the notices of the last sign-out no longer apply
  sessionStorage.removeItem('tlc.expired');
  sessionStorage.removeItem('tlc.step-up');
  listeners.forEach((l) => l());
  return session;
};

export const signOut = (options: { expired?: boolean; stepUp?: boolean } = {}) => {
  sessionStorage.removeItem(KEY);
  if (options.expired) sessionStorage.setItem('tlc.expired', window.location.pathname);
  // an act that needs a recent sign-in (RFC 9470): the next sign-in must really authenticate again
  if (options.stepUp) sessionStorage.setItem('tlc.step-up', '1');
  listeners.forEach((l) => l());
};

/** Where each role starts. */
export const HOME: Record<Role, string> = {
  candidate: '/candidat',
  instructor: '/instruction',
  security_reviewer: '/securite',
  college: '/college',
  admin: '/administration',
};

export const ROLE_LABELS: Record<Role, string> = {
  candidate: 'Candidat (entreprise)',
  instructor: 'Instructeur ANS',
  security_reviewer: 'Relecteur sécurité ANS',
  college: 'Collège de certification',
  admin: 'Administrateur ANS',
};
