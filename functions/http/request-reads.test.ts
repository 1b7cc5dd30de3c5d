import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { createDossier, patchDossier } from '../domain/dossier';
import { appendEvents, GENESIS } from '../domain/journal';
import type { DossierRepository } from '../domain/ports';
import { readsOnce } from './request-reads';

const NOW = new Date('2027-01-04T08:00:00Z');
const actor = { sub: 'u', role: 'candidate' };

/** Counts what reaches the repository behind the request's reads. */
const counted = (repository: DossierRepository) => {
  const calls: string[] = [];
  const spy = new Proxy(repository, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { spy, calls };
};

const stored = async (repository: DossierRepository) => {
  const dossier = createDossier(
    { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: [] },
    'c',
    'u',
    NOW,
  );
  const first = appendEvents(GENESIS, [
    { dossierId: dossier.id, type: 'dossier_created', at: dossier.createdAt, actor },
  ]);
  return repository.create({ dossier, ...first });
};

describe('a request’s dossier reads, made once', () => {
  it('serves get and getWithUploads of the same dossier from one read, each caller its own copy', async () => {
    const { dossiers } = inMemoryDependencies(NOW.toISOString()).deps;
    const { dossier } = await stored(dossiers);
    const { spy, calls } = counted(dossiers);
    const reads = readsOnce(spy);
    const first = await reads.getWithUploads(dossier.id);
    const second = await reads.get(dossier.id);
    expect(second).toEqual(first!.stored);
    expect(calls).toEqual(['getWithUploads']);
    second!.dossier.product.name = 'changed by one caller';
    expect((await reads.get(dossier.id))!.dossier.product.name).toBe('P');
  });

  it('forgets what it read once the dossier is written, or a write fails', async () => {
    const { dossiers } = inMemoryDependencies(NOW.toISOString()).deps;
    const v1 = await stored(dossiers);
    const { spy, calls } = counted(dossiers);
    const reads = readsOnce(spy);
    await reads.get(v1.dossier.id);
    const next = patchDossier(v1.dossier, { nie: 'A' }, NOW);
    const events = appendEvents(v1.journalHead, [
      { dossierId: next.id, type: 'dossier_updated', at: NOW.toISOString(), actor },
    ]);
    await reads.update(1, { dossier: next, ...events });
    expect((await reads.get(v1.dossier.id))!.version).toBe(2);
    await expect(reads.update(1, { dossier: next, ...events })).rejects.toThrow(); // stale: a conflict
    expect((await reads.get(v1.dossier.id))!.version).toBe(2);
    expect(calls.filter((c) => c === 'get')).toHaveLength(3);
  });
});
