import type { Dependencies } from '../container';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../domain/errors';
import { assertWithinRate, rateWindow } from '../domain/api-clients';
import type { Caller } from '../domain/caller';
import type { ResolvedRequest } from './request';

/**
 * Bindings never move to another company, but a replaced legal representative's is removed: a
 * container keeps the ones it has seen for a minute at most (the account is disabled at the
 * identity provider at once, so no new token comes; the tokens already issued stop within it).
 */
const BINDING_CACHE_MS = 60_000;
const known = new Map<string, { companyId: string; until: number }>();

/**
 * The server side of tenant isolation: a candidate's token must name the company its account is
 * bound to in the platform's own table (written by the invitation), whatever the identity
 * provider lets a user change on their own profile.
 */
export const verifyCompanyBinding = async ({ caller }: ResolvedRequest, deps: Dependencies): Promise<void> => {
  if (!caller?.roles.includes('candidate')) return; // staff, or a public route: nothing to bind
  if (caller.clientId) return; // an API client: bound by its record (verifyApiClient)
  const now = deps.clock.now().getTime();
  const cached = known.get(caller.sub);
  const bound = cached && cached.until > now ? cached.companyId : await deps.members.companyOf(caller.sub);
  if (bound && !(cached && cached.until > now))
    known.set(caller.sub, { companyId: bound, until: now + BINDING_CACHE_MS });
  if (!bound) known.delete(caller.sub);
  if (!bound || bound !== caller.ensId)
    throw new ForbiddenError('this account does not act for the company its token names');
};

/**
 * Another company's dossier or certificate is a 404 whatever else is wrong with the request:
 * checked for candidates before the body is even read, in this one place.
 */
export const verifyTenancy = async ({ route, caller, params }: ResolvedRequest, deps: Dependencies): Promise<void> => {
  if (!route?.auth || !caller?.roles.includes('candidate')) return;
  // a company's own tools (API clients, webhooks): another company's are not found
  if (route.path.startsWith('/v1/companies/{id}') && params.id !== caller.ensId)
    throw new NotFoundError('no such company');
  const id = route.path.startsWith('/v1/dossiers/{id}') ? params.id : undefined;
  const number = route.path.startsWith('/v1/certificates/{number}') ? params.number : undefined;
  if (id) {
    // with its uploads: the use case's own read of this dossier is then served from this one
    const stored = (await deps.dossiers.getWithUploads(id))?.stored;
    if (!stored || stored.dossier.companyId !== caller.ensId) throw new NotFoundError('no such dossier');
  } else if (number) {
    const certificate = await deps.certificates.get(number);
    if (!certificate || certificate.companyId !== caller.ensId) throw new NotFoundError('no such certificate');
  }
};

/**
 * An API client's request: its record, read on every request (strongly consistent), names the
 * company it acts for; a revoked or unknown client is refused at once, its unexpired tokens
 * included. Each request counts in the client's window (429 past the rate, with Retry-After).
 */
export const verifyApiClient = async (caller: Caller | undefined, deps: Dependencies): Promise<Caller | undefined> => {
  if (!caller?.clientId) return caller;
  const client = await deps.apiClients.get(caller.clientId);
  if (!client || client.revokedAt) throw new UnauthorizedError('this API client is revoked');
  const now = deps.clock.now();
  assertWithinRate(await deps.apiClients.countRequest(client.clientId, rateWindow(now)), now);
  return { ...caller, ensId: client.companyId };
};
