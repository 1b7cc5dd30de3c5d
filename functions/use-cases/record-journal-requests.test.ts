import { describe, expect, it } from 'vitest';
import { verifyChain } from '../domain/journal';
import { admissibleDossier, depositFile } from '../../test/support/use-case-journey';
import { downloadUpload } from './evidence';
import { postMessage } from './messages';
import { recordJournalRequests } from './record-journal-requests';

const downloads = async (w: Awaited<ReturnType<typeof admissibleDossier>>) =>
  (await w.deps.dossiers.journal(w.id)).filter((e) => e.type === 'evidence_downloaded');

describe('the journal events reads ask for (downloads)', () => {
  it('a download writes its request only: the dossier’s version and journal stay as they were', async () => {
    const w = await admissibleDossier();
    const file = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'TLC-01' });
    const before = (await w.deps.dossiers.get(w.id))!;
    w.clock.set('2026-03-02T10:00:00Z');
    await downloadUpload(w.deps, w.candidate, w.id, file.uploadId);
    const after = (await w.deps.dossiers.get(w.id))!;
    expect(after.version).toBe(before.version);
    expect(after.journalHead).toEqual(before.journalHead);
    expect(await w.journalRequests.pending(10)).toEqual([
      expect.objectContaining({
        dossierId: w.id,
        type: 'evidence_downloaded',
        createdAt: '2026-03-02T10:00:00.000Z',
        actor: { sub: w.candidate.sub, role: 'candidate' },
      }),
    ]);
  });

  it('records each request once, with the read’s instant, however often the worker runs', async () => {
    const w = await admissibleDossier();
    const file = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'TLC-01' });
    w.clock.set('2026-03-02T10:00:00Z');
    await downloadUpload(w.deps, w.candidate, w.id, file.uploadId);
    const [request] = await w.journalRequests.pending(10);
    w.clock.set('2026-03-02T10:00:03Z');
    // the stream delivers the request, then the sweep and a replay of the stream batch run too
    expect(await recordJournalRequests(w.deps, [request!])).toEqual({ recorded: 1, failed: 0 });
    expect(await recordJournalRequests(w.deps)).toEqual({ recorded: 0, failed: 0 });
    expect(await recordJournalRequests(w.deps, [request!])).toEqual({ recorded: 0, failed: 0 });
    const recorded = await downloads(w);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      at: '2026-03-02T10:00:03.000Z',
      actor: { sub: w.candidate.sub, role: 'candidate' },
      data: { uploadId: file.uploadId, sensitive: false, requestedAt: '2026-03-02T10:00:00.000Z' },
    });
    expect(verifyChain(await w.deps.dossiers.journal(w.id))).toBe(-1);
  });

  it('chains the event on the journal as it is when recorded, after what happened meanwhile', async () => {
    const w = await admissibleDossier();
    const file = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'TLC-01' });
    await downloadUpload(w.deps, w.candidate, w.id, file.uploadId);
    // the dossier changes between the read and its record
    await postMessage(w.deps, w.candidate, w.id, 'Une question sur la section 2');
    expect(await recordJournalRequests(w.deps)).toEqual({ recorded: 1, failed: 0 });
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.slice(-2).map((e) => e.type)).toEqual(['message_posted', 'evidence_downloaded']);
    expect(verifyChain(journal)).toBe(-1);
    expect((await w.deps.dossiers.get(w.id))!.journalHead.seq).toBe(journal.at(-1)!.seq);
  });

  it('a change that says it records a request nobody holds is refused whole', async () => {
    const w = await admissibleDossier();
    const file = await depositFile(w.deps, w.candidate, w.id, { purpose: 'proof', requirementId: 'TLC-01' });
    await downloadUpload(w.deps, w.candidate, w.id, file.uploadId);
    const [request] = await w.journalRequests.pending(10);
    const stored = (await w.deps.dossiers.get(w.id))!;
    // not claimed by a worker: the transaction that would settle it fails, nothing is written
    await expect(
      w.deps.dossiers.update(stored.version, {
        dossier: stored.dossier,
        events: [],
        head: stored.journalHead,
        settlesRequest: request!.id,
      }),
    ).rejects.toThrow(/conflicts/);
    expect((await w.deps.dossiers.get(w.id))!.version).toBe(stored.version);
  });
});
