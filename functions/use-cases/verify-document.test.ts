import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certifiedBySilence } from '../../test/support/use-case-journey';
import { NotFoundError } from '../domain/errors';
import { renderDocuments } from './render-documents';
import { verifyDocument } from './verify-document';

describe('verify a document by its fingerprint', () => {
  it('knows each sealed PDF it issued, with its certificate as published today; an edited copy is unknown', async () => {
    const w = await certifiedBySilence(61);
    await renderDocuments(w.deps);
    const stored = [...w.storage.objects.entries()].find(([key]) => key.includes('/certificate/'))!;
    const bytes = stored[1].body!;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const found = await verifyDocument(w.deps, sha256);
    expect(found).toMatchObject({ sha256, kind: 'certificate', certificate: { number: w.number, status: 'valid' } });
    expect(JSON.stringify(found)).not.toMatch(/@|\+33/); // no personal data
    const edited = Buffer.from(bytes);
    edited[7] = edited[7] === 0x37 ? 0x36 : 0x37;
    await expect(verifyDocument(w.deps, createHash('sha256').update(edited).digest('hex'))).rejects.toThrow(
      NotFoundError,
    );
  });
});
