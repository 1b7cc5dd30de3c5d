import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers } from '../../test/support/use-case-journey';
import { BusinessRuleError, ForbiddenError, NotFoundError } from '../domain/errors';
import { MAX_ACTIVE_API_CLIENTS } from '../domain/api-clients';
import { createApiClient, listApiClients, revokeApiClient } from './api-clients';

describe('a company’s API clients', () => {
  it('are created by a person of the company, listed without their secret, and revoked', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const person = callers.candidate('c1');
    const { clientId, clientSecret } = await createApiClient(w.deps, person, 'c1', { name: 'CI' });
    expect(clientSecret.length).toBeGreaterThan(30);
    const listed = await listApiClients(w.deps, person, 'c1');
    expect(listed).toEqual([{ clientId, name: 'CI', createdAt: '2027-01-04T08:00:00.000Z' }]);
    expect(JSON.stringify(listed)).not.toContain(clientSecret);
    const revoked = await revokeApiClient(w.deps, person, 'c1', clientId);
    expect(revoked.revokedAt).toBe('2027-01-04T08:00:00.000Z');
    expect((await w.deps.apiClients.get(clientId))?.revokedAt).toBeDefined();
  });

  it('are another company’s a 404, and never managed by a client itself', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const { clientId } = await createApiClient(w.deps, callers.candidate('c1'), 'c1', { name: 'CI' });
    await expect(listApiClients(w.deps, callers.candidate('c2'), 'c1')).rejects.toThrow(NotFoundError);
    await expect(revokeApiClient(w.deps, callers.candidate('c2'), 'c2', clientId)).rejects.toThrow(NotFoundError);
    const machine = { ...callers.candidate('c1'), clientId };
    await expect(createApiClient(w.deps, machine, 'c1', { name: 'more' })).rejects.toThrow(ForbiddenError);
    await expect(listApiClients(w.deps, callers.instructor, 'c1')).rejects.toThrow(NotFoundError);
  });

  it(`are at most ${MAX_ACTIVE_API_CLIENTS} active, and a refusal leaves no credentials behind`, async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const person = callers.candidate('c1');
    for (let i = 0; i < MAX_ACTIVE_API_CLIENTS; i++) await createApiClient(w.deps, person, 'c1', { name: `t${i}` });
    const issued = (w.deps.apiClientDirectory as unknown as { issued: Set<string> }).issued.size;
    await expect(createApiClient(w.deps, person, 'c1', { name: 'one too many' })).rejects.toThrow(BusinessRuleError);
    expect((w.deps.apiClientDirectory as unknown as { issued: Set<string> }).issued.size).toBe(issued);
  });
});
