import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callers, completeFile, admissibleDossier, signedInNow } from '../../test/support/use-case-journey';
import { pdfsig } from '../../test/support/clerk';
import { signatureEvidenceKey } from '../domain/document-job';
import { ConflictError, ReauthenticationRequiredError } from '../domain/errors';
import { conventionKey } from '../domain/dossier-rules/instruction';
import { collegeDecision, completeInstruction } from './decisions';
import { downloadSignatureEvidence, signConvention } from './instruction';
import { renderDocuments } from './render-documents';

const conventionPending = async (seed: number) => {
  const w = await admissibleDossier('2027-03-26T09:00:00Z', seed);
  await completeFile(w.deps, w.candidate, w.id);
  await completeInstruction(w.deps, callers.instructor, w.id, { outcome: 'unfavourable', nonConformities: ['x'] });
  await collegeDecision(w.deps, callers.college, w.id, {
    decision: 'certified_with_reservations',
    reservations: ['y'],
  });
  await renderDocuments(w.deps);
  const pdf = w.storage.objects.get(`evidence/${conventionKey(w.id)}`)!.body!;
  return { ...w, conventionSha256: createHash('sha256').update(pdf).digest('hex') };
};

describe('the convention’s signature (issue 24)', () => {
  it('asks a signatory signed in more than 15 minutes ago to sign in again (RFC 9470 step-up)', async () => {
    const w = await conventionPending(81);
    const stale = { ...w.candidate, authenticatedAt: new Date(w.clock.now().getTime() - 16 * 60_000).toISOString() };
    const refusal = signConvention(w.deps, stale, w.id, { signatoryName: 'C. Martin' });
    await expect(refusal).rejects.toThrow(ReauthenticationRequiredError);
    await expect(refusal).rejects.toMatchObject({ maxAgeSeconds: 900 });
    // a token without auth_time cannot sign either
    await expect(signConvention(w.deps, w.candidate, w.id, { signatoryName: 'C. Martin' })).rejects.toThrow(
      ReauthenticationRequiredError,
    );
    expect((await w.deps.dossiers.get(w.id))!.dossier.status).toBe('convention_pending'); // nothing changed
  });

  it('refuses a signature over another document than the current convention', async () => {
    const w = await conventionPending(82);
    await expect(
      signConvention(w.deps, signedInNow(w.candidate, w.deps), w.id, {
        signatoryName: 'C. Martin',
        conventionSha256: 'ab'.repeat(32),
      }),
    ).rejects.toThrow(ConflictError);
  });

  it('journals who, when, which hash and how authenticated, and issues a sealed evidence file', async () => {
    const w = await conventionPending(83);
    const signedIn = { ...w.candidate, authenticatedAt: new Date(w.clock.now().getTime() - 5 * 60_000).toISOString() };
    await signConvention(w.deps, signedIn, w.id, {
      signatoryName: 'Camille Martin',
      conventionSha256: w.conventionSha256.toUpperCase(),
    });
    const signed = (await w.deps.dossiers.journal(w.id)).find((e) => e.type === 'convention_signed')!;
    expect(signed.data).toMatchObject({
      signatoryName: 'Camille Martin',
      signedBy: w.candidate.sub,
      conventionSha256: w.conventionSha256,
      authenticatedAt: signedIn.authenticatedAt,
      authentication: 'password_and_second_factor',
    });
    await expect(downloadSignatureEvidence(w.deps, w.candidate, w.id)).rejects.toThrow(/being prepared/);
    await renderDocuments(w.deps);
    const evidence = w.storage.objects.get(`evidence/${signatureEvidenceKey(w.id)}`)!.body!;
    const report = pdfsig(evidence);
    expect(report.valid, report.output).toBe(true);
    await expect(downloadSignatureEvidence(w.deps, callers.instructor, w.id)).resolves.toMatchObject({
      url: expect.any(String),
    });
  });
});
