import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { admissibleDossier, callers, completeFile, depositFile } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError } from '../domain/errors';
import { receiveUpload } from './receive-upload';
import { requestUpload } from './request-upload';
import { answerInfoRequest, openInfoRequestUseCase } from './info-requests';

const DAY = 86_400_000;

/** The decision clock during an information request (R.1470-4, DESIGN.md §3), over in-memory ports. */
describe('information requests during instruction', () => {
  it('stops the decision clock while the request is open and resumes it with the time it had left', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z');
    await completeFile(w.deps, w.candidate, w.id);
    const before = (await w.deps.dossiers.get(w.id))!.dossier;
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    expect((await w.deps.dossiers.get(w.id))!.dossier.decisionDueAt).toBeUndefined();
    w.clock.advance(10 * DAY);
    const answered = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici');
    const shift = Date.parse(answered.dossier.decisionClock!.legalDueAt) - Date.parse(before.decisionClock!.legalDueAt);
    expect(shift).toBe(10 * DAY);
    expect(w.outbox.templates()).toEqual(expect.arrayContaining(['info_request_opened', 'info_request_answered']));
  });

  it('restarts it in full from the answer under the restart policy', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 2);
    w.deps.calendar = { ...w.deps.calendar, infoRequestEffect: 'restart' };
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['preuve']);
    w.clock.set('2026-04-07T10:00:00Z');
    const answered = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici');
    expect(answered.dossier.decisionDueAt).toBe('2026-10-07T21:59:59.999Z');
  });

  it('opens one request at a time, and only in a stage where ANS waits on the file', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 3);
    await expect(openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x'])).rejects.toThrow(/proofs_deposit/);
    await completeFile(w.deps, w.candidate, w.id);
    await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['x']);
    await expect(openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['y'])).rejects.toThrow(/already open/);
  });

  it('joins files deposited for the request to its answer, during instruction too (API.md [1.2])', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 3);
    await completeFile(w.deps, w.candidate, w.id);
    const { requestId } = await openInfoRequestUseCase(w.deps, callers.instructor, w.id, ['Kbis récent']);
    // no request named, or another one: refused
    await expect(depositFile(w.deps, w.candidate, w.id, { purpose: 'answer' as never })).rejects.toThrow();
    const file = await depositAnswerFile(w, requestId);
    expect(file.outcome).toBe('received');
    await expect(answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'voici', ['not-a-file'])).rejects.toThrow(
      BusinessRuleError,
    );
    const answered = await answerInfoRequest(w.deps, w.candidate, w.id, requestId, 'Kbis joint', [file.uploadId]);
    expect(answered.dossier.infoRequests![0]).toMatchObject({ status: 'answered', answerUploadIds: [file.uploadId] });
    // once answered, no file joins it any more
    await expect(depositAnswerFile(w, requestId)).rejects.toThrow(ConflictError);
  });
});

/** A file deposited with purpose `answer` for a request, landed and checked. */
const depositAnswerFile = async (w: Awaited<ReturnType<typeof admissibleDossier>>, requestId: string) => {
  const bytes = Buffer.from('%PDF-1.4 kbis');
  const sha = createHash('sha256').update(bytes).digest('base64');
  const grant = await requestUpload(w.deps, w.candidate, w.id, {
    purpose: 'answer',
    requestId,
    fileName: 'kbis.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: sha,
  });
  const upload = (await w.deps.dossiers.getUpload(w.id, grant.uploadId))!;
  w.storage.land(upload.store, upload.key, {
    size: bytes.length,
    sha256: sha,
    contentType: 'application/pdf',
    body: bytes,
  });
  return { uploadId: grant.uploadId, outcome: await receiveUpload(w.deps, upload.store, upload.key) };
};
