import { renderDocuments } from './render-documents';
import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, reviewAll, signedInNow } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError } from '../domain/errors';
import { acknowledgeDecision, collegeDecision, completeInstruction } from './decisions';
import { recordInsTestOutcome, signConvention } from './instruction';
import { commitDossier } from './commit-dossier';
import { appealUntil } from '../domain/dossier-rules/notifications';

/** Instruction reports and the collège's choices on them (guide §5.4), over in-memory ports. */
describe('instruction reports and collège decisions', () => {
  it('sends an unfavourable report to the collège, which may refuse with reasons and appeal', async () => {
    const w = await admissibleDossier();
    await completeFile(w.deps, w.candidate, w.id);
    await expect(completeInstruction(w.deps, callers.instructor, w.id, { outcome: 'unfavourable' })).rejects.toThrow(
      BusinessRuleError,
    );
    const report = await completeInstruction(w.deps, callers.instructor, w.id, {
      outcome: 'unfavourable',
      nonConformities: ['TLC-01'],
    });
    expect(report.dossier.status).toBe('college_pending');
    expect(report.dossier.convention).toBeUndefined();
    await expect(collegeDecision(w.deps, callers.college, w.id, { decision: 'certified' })).rejects.toThrow(
      BusinessRuleError,
    );
    const refused = await collegeDecision(w.deps, callers.college, w.id, {
      decision: 'refused',
      reasons: ['non levé'],
    });
    expect(refused.dossier.decision).toMatchObject({
      outcome: 'refused',
      appeal: expect.stringContaining('deux mois'),
    });
    expect(w.outbox.templates()).toContain('dossier_refused');
    const ack = await acknowledgeDecision(w.deps, w.candidate, w.id);
    expect(ack.receivedAt).toBe(w.clock.now().toISOString());
    const journal = await w.deps.dossiers.journal(w.id);
    // acknowledging opens the decision's notification: the receipt journaled, its hash quoted, the
    // appeal period counted from it (two months, to the end of a working day, Paris)
    expect(journal.at(-1)).toMatchObject({
      type: 'notification_received',
      hash: ack.receiptHash,
      data: { kind: 'decision', receipt: 'opened' },
    });
    expect(ack.appealUntil).toBe(appealUntil(ack.receivedAt!, w.deps.calendar));
    expect(Date.parse(ack.appealUntil!)).toBeGreaterThan(Date.parse(ack.receivedAt!) + 58 * 86_400_000);
  });

  it('certifies with reservations on an unfavourable report: the convention first, the certificate on signature', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 2);
    await completeFile(w.deps, w.candidate, w.id);
    await completeInstruction(w.deps, callers.instructor, w.id, { outcome: 'unfavourable', nonConformities: ['x'] });
    const decided = await collegeDecision(w.deps, callers.college, w.id, {
      decision: 'certified_with_reservations',
      reservations: ['lever x'],
    });
    expect(decided.dossier.status).toBe('convention_pending');
    expect(w.certificates.certificates.size).toBe(0);
    await renderDocuments(w.deps); // the convention exists before anyone signs it
    const signed = await signConvention(w.deps, signedInNow(w.candidate, w.deps), w.id, { signatoryName: 'C. Martin' });
    expect(signed.dossier.status).toBe('certified_with_reservations');
    const [certificate] = [...w.certificates.certificates.values()];
    expect(certificate).toMatchObject({ withReservations: true, reservations: ['lever x'], grantedBy: 'college' });
  });

  it('closes favourably on a waived INS test day, pauses the decision clock for the convention', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 3);
    const { proofs, sections } = await completeFile(w.deps, w.candidate, w.id);
    const sensitive = sections.flatMap((s) => s.requirements.filter((r) => r.sensitive).map((r) => r.id));
    await reviewAll(w.deps, w.id, proofs, sensitive);
    await expect(completeInstruction(w.deps, callers.instructor, w.id)).rejects.toThrow(ConflictError);
    await recordInsTestOutcome(w.deps, callers.instructor, w.id, { outcome: 'waived', comment: 'preuves suffisantes' });
    const done = await completeInstruction(w.deps, callers.instructor, w.id);
    expect(done.dossier.status).toBe('convention_pending');
    expect(done.dossier.decisionDueAt).toBeUndefined();
    expect(done.dossier.decisionClock?.pausedAt).toBe(w.clock.now().toISOString());
  });

  it('refuses an exceptional report after the regime’s fixed end', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 4);
    await completeFile(w.deps, w.candidate, w.id);
    await expect(completeInstruction(w.deps, callers.instructor, w.id, { exceptional: true })).rejects.toThrow(
      /regime ended on 2024-12-31/,
    );
  });

  it('grants a regular certificate on an exceptional report whose regime ended, only if the whole file is compliant', async () => {
    /** An exceptional report signed, its regime then over: `all` says whether every proof was judged compliant. */
    const exceptionalAfterItsRegime = async (seed: number, all: boolean) => {
      const w = await admissibleDossier('2026-03-02T09:00:00Z', seed);
      w.deps.exceptionalExpiresOn = '2026-06-30';
      const stored = (await w.deps.dossiers.get(w.id))!;
      await commitDossier(w.deps, stored, { ...stored.dossier, commitment: true }, []);
      const { proofs, sections } = await completeFile(w.deps, w.candidate, w.id);
      const core = new Set(['ins', 'psc', 'annuaire', 'securite', 'administration']);
      const reviewed = all
        ? proofs
        : Object.fromEntries(
            sections.filter((s) => core.has(s.id)).flatMap((s) => s.requirements.map((r) => [r.id, proofs[r.id]!])),
          );
      await reviewAll(w.deps, w.id, reviewed, ['PEN-01', 'PEN-02']);
      await recordInsTestOutcome(w.deps, callers.instructor, w.id, {
        outcome: 'waived',
        comment: 'preuves suffisantes',
      });
      expect(
        (await completeInstruction(w.deps, callers.instructor, w.id, { exceptional: true })).dossier.exceptional,
      ).toBe(true);
      await renderDocuments(w.deps); // the convention exists before anyone signs it
      await signConvention(w.deps, signedInNow(w.candidate, w.deps), w.id, { signatoryName: 'C. Martin' });
      w.clock.set('2026-07-02T09:00:00Z'); // the regime is over before the collège sits
      return w;
    };
    const partial = await exceptionalAfterItsRegime(5, false);
    const refused = await collegeDecision(partial.deps, callers.college, partial.id, { decision: 'certified' }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(BusinessRuleError);
    expect((refused as BusinessRuleError).errors!.map((e) => e.path)).toContain('requirements.DMP-01');
    // the refused grant took no number
    expect(await partial.deps.certificates.allocateNumber(2026)).toBe(1);

    const whole = await exceptionalAfterItsRegime(6, true);
    const { certificate } = await collegeDecision(whole.deps, callers.college, whole.id, { decision: 'certified' });
    expect(certificate).toMatchObject({ number: 'TLC-2026-000001' });
    expect(certificate!.exceptionalExpiresAt).toBeUndefined();
  });

  it('refuses an exceptional report for another use case than a société de téléconsultation', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 7);
    w.deps.exceptionalExpiresOn = '2026-06-30';
    const stored = (await w.deps.dossiers.get(w.id))!;
    await commitDossier(w.deps, stored, { ...stored.dossier, commitment: true, useCase: 'health_facility' }, []);
    await completeFile(w.deps, w.candidate, w.id);
    await expect(completeInstruction(w.deps, callers.instructor, w.id, { exceptional: true })).rejects.toThrow(
      /sociétés de téléconsultation/,
    );
  });
});
