import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { ConflictError } from '../domain/errors';
import { assertRendered } from './document-ready';

describe('a generated document', () => {
  it('is served once rendered; before that, a 409 that says to try again', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await expect(assertRendered(w.deps, 'dossiers/d1/convention/convention.pdf')).rejects.toThrow(ConflictError);
    await w.deps.storage.put(
      'evidence',
      'dossiers/d1/convention/convention.pdf',
      Buffer.from('%PDF'),
      'application/pdf',
    );
    await expect(assertRendered(w.deps, 'dossiers/d1/convention/convention.pdf')).resolves.toBeUndefined();
  });
});
