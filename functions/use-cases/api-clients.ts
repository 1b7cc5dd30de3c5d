import type { Dependencies } from '../container';
import {
  assertActsForCompany,
  assertPerson,
  newApiClient,
  revokeApiClient as revoked,
  type ApiClient,
} from '../domain/api-clients';
import type { Caller } from '../domain/caller';

/** What a company reads of its clients: never a secret (the identity provider alone holds it). */
export const apiClientView = (c: ApiClient) => ({
  clientId: c.clientId,
  name: c.name,
  createdAt: c.createdAt,
  ...(c.revokedAt ? { revokedAt: c.revokedAt } : {}),
});

/**
 * Creates an API client of the caller's company.
 * Steps: authorise (a person of the company) → rule (at most 10 active) → credentials at the
 * identity provider → the platform's record. Output: the id and the secret, shown this once.
 */
export const createApiClient = async (
  deps: Dependencies,
  caller: Caller,
  companyId: string,
  input: { name: string },
) => {
  assertActsForCompany(caller, companyId);
  assertPerson(caller);
  const existing = await deps.apiClients.list(companyId);
  // the rule first, so that a refused request leaves nothing at the identity provider
  newApiClient({ clientId: 'pending', name: input.name }, caller, companyId, existing, deps.clock.now());
  const credentials = await deps.apiClientDirectory.create(input.name, companyId);
  const client = newApiClient(
    { clientId: credentials.clientId, name: input.name },
    caller,
    companyId,
    existing,
    deps.clock.now(),
  );
  try {
    await deps.apiClients.create(client);
  } catch (error) {
    // no record, no client: credentials nobody can use are removed at once
    await deps.apiClientDirectory.remove(credentials.clientId).catch(() => undefined);
    throw error;
  }
  return credentials;
};

export const listApiClients = async (deps: Dependencies, caller: Caller, companyId: string) => {
  assertActsForCompany(caller, companyId);
  return (await deps.apiClients.list(companyId)).map(apiClientView);
};

/**
 * Revokes a client: its record first (every request of the client reads it: refused from now on,
 * its unexpired tokens included), then its credentials (no new token).
 */
export const revokeApiClient = async (deps: Dependencies, caller: Caller, companyId: string, clientId: string) => {
  assertActsForCompany(caller, companyId);
  assertPerson(caller);
  const client = revoked(await deps.apiClients.get(clientId), caller, deps.clock.now());
  await deps.apiClients.revoke(client);
  await deps.apiClientDirectory.remove(clientId);
  return apiClientView(client);
};
