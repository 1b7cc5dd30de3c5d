import { describe, expect, it } from 'vitest';
import { verifyChain } from '../domain/journal';
import { admissibleDossier, completeFile } from '../../test/support/use-case-journey';
import { opensslReadToken, opensslVerifyToken } from '../../test/support/clerk';
import { stampEvents } from './stamp-events';

describe('trusted timestamps on the journal', () => {
  it('stamps the complete file’s receipt with a token openssl verifies, outside the chain', async () => {
    const w = await admissibleDossier('2027-03-26T22:30:00Z', 41);
    await completeFile(w.deps, w.candidate, w.id);
    const before = await w.deps.dossiers.journal(w.id);
    const receipt = before.find((e) => e.type === 'complete_file_acknowledged')!;
    expect(receipt.timestamp).toBeUndefined(); // stored first, at its legal instant
    // only events with legal weight ask for a token (here: admissibility, receipt, notifications)
    expect((await w.stampJobs.pending(100)).map((j) => j.seq)).toContain(receipt.seq);
    expect(
      (await w.stampJobs.pending(100)).some((j) => j.seq === before.find((e) => e.type === 'dossier_created')!.seq),
    ).toBe(false);

    const { stamped, failed } = await stampEvents(w.deps);
    expect(failed).toBe(0);
    expect(stamped).toBeGreaterThan(0);
    const journal = await w.deps.dossiers.journal(w.id);
    const stampedReceipt = journal.find((e) => e.seq === receipt.seq)!;
    expect(stampedReceipt.timestamp?.tsa).toBe('local');
    expect(verifyChain(journal)).toBe(-1); // the token is outside what the chain hashes
    const { tsaCertificates } = await w.deps.trust.publicMaterial();
    const verified = opensslVerifyToken(stampedReceipt.timestamp!.token, receipt.hash, tsaCertificates);
    expect(verified.output).toContain('Verification: OK');
    expect(opensslReadToken(stampedReceipt.timestamp!.token)).toContain('Time stamp: Mar 26 22:30:00 2027 GMT');
    // another digest is refused: the token vouches for this event only
    const other = opensslVerifyToken(stampedReceipt.timestamp!.token, 'ab'.repeat(32), tsaCertificates);
    expect(other.ok).toBe(false);
    // a second round finds nothing to do, and a replayed token never replaces the first
    expect((await stampEvents(w.deps)).stamped).toBe(0);
    await w.deps.dossiers.addTimestamp(w.id, receipt.seq, { token: 'AAAA', tsa: 'other' });
    expect((await w.deps.dossiers.journal(w.id)).find((e) => e.seq === receipt.seq)!.timestamp!.tsa).toBe('local');
  });

  it('keeps the job while the authority is down, and stamps once it answers', async () => {
    const w = await admissibleDossier('2027-03-26T22:30:00Z', 42);
    const trust = w.deps.trust;
    let down = true;
    w.deps.trust = {
      ...trust,
      stamp: async (sha256) => {
        if (down) throw new Error('the timestamp authority answered 503');
        return trust.stamp(sha256);
      },
    };
    const first = await stampEvents(w.deps);
    expect(first.stamped).toBe(0);
    expect(first.failed).toBeGreaterThan(0);
    const pending = await w.stampJobs.pending(100);
    expect(pending.length).toBe(first.failed);
    w.clock.set('2027-03-27T00:00:00Z');
    down = false;
    expect((await stampEvents(w.deps)).stamped).toBe(first.failed);
    const admissible = (await w.deps.dossiers.journal(w.id)).find((e) => e.type === 'dossier_admissible')!;
    expect(admissible.at).toBe('2027-03-26T22:30:00.000Z'); // the legal instant did not move
    expect(admissible.timestamp).toBeDefined();
  });
});
