import { renderDocuments } from './render-documents';
import { describe, expect, it } from 'vitest';
import { admissibleDossier, callers, completeFile, signedInNow } from '../../test/support/use-case-journey';
import { BusinessRuleError, ConflictError, ForbiddenError, NotFoundError } from '../domain/errors';
import { completeInstruction } from './decisions';
import {
  downloadConvention,
  proposeInsTestDay,
  recordInsTestOutcome,
  reviewProof,
  closeUnsignedDossier,
  signConvention,
  withdrawDossier,
  assignDossier,
} from './instruction';
import { listQueue } from './list-queue';
import { getDossier } from './get-dossier';
import type { Caller } from '../domain/caller';
import { loadDossier } from './legal-effects';
import { reviewAll } from '../../test/support/use-case-journey';

const inInstruction = async (seed: number) => {
  const w = await admissibleDossier('2026-03-02T09:00:00Z', seed);
  const { proofs } = await completeFile(w.deps, w.candidate, w.id);
  return { ...w, proofs };
};

/** Every proof judged compliant and the INS test day waived: a favourable report may close instruction. */
const readyForReport = async (seed: number) => {
  const w = await inInstruction(seed);
  await reviewAll(w.deps, w.id, w.proofs, ['PEN-01', 'PEN-02']);
  await recordInsTestOutcome(w.deps, callers.instructor, w.id, {
    outcome: 'waived',
    comment: 'preuves INS suffisantes',
  });
  return w;
};

describe('instruction', () => {
  it('takes verdicts from the right reviewer, keeps each, and mails a non-compliant one', async () => {
    const w = await inInstruction(161);
    await expect(
      reviewProof(w.deps, callers.instructor, w.id, w.proofs['PEN-01']!, { verdict: 'compliant' }),
    ).rejects.toThrow(ForbiddenError);
    await expect(
      reviewProof(w.deps, callers.instructor, w.id, w.proofs['INS-01']!, { verdict: 'non_compliant' }),
    ).rejects.toThrow(BusinessRuleError);
    await reviewProof(w.deps, callers.instructor, w.id, w.proofs['INS-01']!, {
      verdict: 'non_compliant',
      comment: 'flou',
    });
    w.clock.advance(60_000);
    const second = await reviewProof(w.deps, callers.instructor, w.id, w.proofs['INS-01']!, { verdict: 'compliant' });
    expect(second.review.verdict).toBe('compliant');
    expect((await w.deps.dossiers.getUpload(w.id, w.proofs['INS-01']!))!.reviews).toHaveLength(2);
    expect(w.outbox.templates().filter((t) => t === 'proof_non_compliant')).toHaveLength(1);
    await expect(reviewProof(w.deps, callers.instructor, w.id, 'nope', { verdict: 'compliant' })).rejects.toThrow(
      NotFoundError,
    );
  });

  it('organises the INS test day within its four weeks, and records its outcome', async () => {
    const w = await inInstruction(162);
    await expect(recordInsTestOutcome(w.deps, callers.instructor, w.id, { outcome: 'passed' })).rejects.toThrow(
      ConflictError,
    );
    await expect(proposeInsTestDay(w.deps, w.candidate, w.id, '2026-02-01')).rejects.toThrow(BusinessRuleError);
    await expect(proposeInsTestDay(w.deps, w.candidate, w.id, '2026-06-01')).rejects.toThrow(/within 4 weeks/);
    await proposeInsTestDay(w.deps, w.candidate, w.id, '2026-03-20');
    expect(w.outbox.templates()).toContain('ins_test_day_proposed');
    // organised within the 4 weeks: the clock stops, whatever day ANS records the outcome
    expect((await w.deps.dossiers.get(w.id))!.dossier.deadlines.map((d) => d.kind)).not.toContain('ins_test_day');
    await expect(recordInsTestOutcome(w.deps, callers.instructor, w.id, { outcome: 'failed' })).rejects.toThrow(
      /once it took place/,
    );
    w.clock.set('2026-04-02T08:00:00Z'); // past the 4 weeks (30 March): recorded late, held on time
    const failed = await recordInsTestOutcome(w.deps, callers.instructor, w.id, { outcome: 'failed' });
    expect(failed.dossier.insTestDay).toMatchObject({ proposedDate: '2026-03-20', heldOn: '2026-03-20' });
    expect(failed.dossier.insTestLate).toBeUndefined();
    // an outcome changes only with a new test day
    await expect(recordInsTestOutcome(w.deps, callers.instructor, w.id, { outcome: 'passed' })).rejects.toThrow(
      /new test day must be proposed first/,
    );
    await proposeInsTestDay(w.deps, w.candidate, w.id, '2026-04-09');
    w.clock.set('2026-04-10T08:00:00Z');
    const passed = await recordInsTestOutcome(w.deps, callers.instructor, w.id, {
      outcome: 'passed',
      heldOn: '2026-04-09',
    });
    expect(passed.dossier.insTestDay).toMatchObject({
      outcome: 'passed',
      heldOn: '2026-04-09',
      previous: [{ outcome: 'failed', heldOn: '2026-03-20', proposedDate: '2026-03-20' }],
    });
    await expect(proposeInsTestDay(w.deps, w.candidate, w.id, '2026-04-21')).rejects.toThrow(/already took place/);
  });

  it('flags the company late when no day was organised within the four weeks', async () => {
    const w = await inInstruction(165);
    const due = (await w.deps.dossiers.get(w.id))!.dossier.insTestDueAt!;
    w.clock.set(new Date(Date.parse(due) + 1000).toISOString());
    await expect(proposeInsTestDay(w.deps, w.candidate, w.id, '2026-04-15')).resolves.toBeDefined();
    const dossier = (await w.deps.dossiers.get(w.id))!.dossier;
    expect(dossier.insTestLate).toBe(true);
    expect(w.outbox.templates()).toContain('ins_test_day_late');
  });

  it('has the convention signed after a favourable report: the collège’s turn, the decision clock running again', async () => {
    const w = await readyForReport(163);
    await completeInstruction(w.deps, callers.instructor, w.id);
    await expect(downloadConvention(w.deps, w.candidate, w.id)).rejects.toThrow(/being prepared/);
    w.clock.advance(7 * 86_400_000);
    await renderDocuments(w.deps); // the convention exists before anyone signs it
    const signed = await signConvention(w.deps, signedInNow(w.candidate, w.deps), w.id, {
      signatoryName: 'C. Martin',
      productVersion: '2.1',
    });
    expect(signed.dossier).toMatchObject({ status: 'college_pending', product: { version: '2.1' } });
    expect(signed.dossier.convention).toMatchObject({ signatoryName: 'C. Martin', productVersion: '2.1' });
    expect(signed.dossier.decisionClock?.pausedAt).toBeUndefined();
    expect(signed.dossier.deadlines.map((d) => d.kind)).toContain('decision');
    await expect(
      signConvention(w.deps, signedInNow(w.candidate, w.deps), w.id, { signatoryName: 'X' }),
    ).rejects.toThrow(ConflictError);
  });

  it('lets the candidate withdraw at any open stage, once, telling ANS', async () => {
    const w = await inInstruction(164);
    await expect(withdrawDossier(w.deps, callers.candidate('other'), w.id)).rejects.toThrow(NotFoundError);
    const withdrawn = await withdrawDossier(w.deps, w.candidate, w.id);
    expect(withdrawn.dossier).toMatchObject({ status: 'withdrawn', closedReason: 'withdrawn_by_candidate' });
    const mail = [...w.outbox.messages.values()].find((m) => m.template === 'dossier_withdrawn')!;
    expect(mail.to).toContain('instruction@ans.test');
    await expect(withdrawDossier(w.deps, w.candidate, w.id)).rejects.toThrow(ConflictError);
  });

  it('never abandons a complete file by a timer; past six months unsigned, an instructor may close it', async () => {
    const w = await readyForReport(166);
    const sent = await completeInstruction(w.deps, callers.instructor, w.id);
    expect(sent.dossier.deadlines.map((d) => d.kind)).toEqual(['convention_signature']);
    const signBy = Date.parse(sent.dossier.deadlines[0]!.dueAt);
    await expect(closeUnsignedDossier(w.deps, callers.instructor, w.id, ['non signée'])).rejects.toThrow(ConflictError);
    // a year later, nothing happened by itself
    w.clock.set(new Date(signBy + 180 * 86_400_000).toISOString());
    expect((await loadDossier(w.deps, w.id))!.dossier.status).toBe('convention_pending');
    const closed = await closeUnsignedDossier(w.deps, callers.instructor, w.id, ['Convention non signée']);
    expect(closed.dossier).toMatchObject({
      status: 'abandoned',
      closedReason: 'convention_not_signed',
      closure: { reasons: ['Convention non signée'] },
    });
    const mail = [...w.outbox.messages.values()].find((m) => m.template === 'dossier_closed_unsigned')!;
    expect(mail.text).toContain('Convention non signée');
    expect(mail.text).toContain('tribunal administratif');
  });
});

describe('taking a dossier in charge', () => {
  it('records who at ANS has it, lets a colleague take it over or give it back, and hides it from the company', async () => {
    const w = await admissibleDossier('2027-02-01T09:00:00Z', 96);
    const me = { ...callers.instructor, email: 'instructeur@ans.fr' };
    const taken = await assignDossier(w.deps, me, w.id, 'take');
    expect(taken.dossier.assignee).toEqual({
      sub: me.sub,
      email: 'instructeur@ans.fr',
      at: '2027-02-01T09:00:00.000Z',
    });
    // taking what one holds changes nothing
    expect((await assignDossier(w.deps, me, w.id, 'take')).version).toBe(taken.version);
    const colleague = { sub: 'instructor-2', roles: ['instructor'] } as Caller;
    expect((await assignDossier(w.deps, colleague, w.id, 'take')).dossier.assignee!.sub).toBe('instructor-2');
    expect((await listQueue(w.deps, me, 'deposit', 10)).items[0]!.assignee!.sub).toBe('instructor-2');
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.filter((e) => e.type === 'dossier_taken_in_charge').map((e) => e.data)).toEqual([
      {},
      { from: me.sub },
    ]);
    expect(JSON.stringify(await getDossier(w.deps, w.candidate, w.id))).not.toContain('instructeur@ans.fr');
    expect((await assignDossier(w.deps, colleague, w.id, 'release')).dossier.assignee).toBeUndefined();
  });

  it('refuses a closed dossier (409)', async () => {
    const w = await admissibleDossier('2027-02-01T09:00:00Z', 97);
    await withdrawDossier(w.deps, w.candidate, w.id);
    await expect(assignDossier(w.deps, callers.instructor, w.id, 'take')).rejects.toBeInstanceOf(ConflictError);
  });
});
