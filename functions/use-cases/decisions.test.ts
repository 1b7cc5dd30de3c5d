import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, reviewAll } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError } from '../domain/errors';
import { acknowledgeDecision, collegeDecision, completeInstruction } from './decisions';
import { recordInsTestOutcome, signConvention } from './instruction';

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
    expect(journal.at(-1)).toMatchObject({ type: 'decision_received', hash: ack.receiptHash });
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
    const signed = await signConvention(w.deps, w.candidate, w.id, { signatoryName: 'C. Martin' });
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
});
