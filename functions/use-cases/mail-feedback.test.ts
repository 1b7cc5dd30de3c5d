import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers } from '../../test/support/use-case-journey';
import { companyBody, draftBody, siret } from '../../test/support/api-client';
import { createDossier } from './create-dossier';
import { recordMailFeedback } from './mail-feedback';
import { registerCompany } from './register-company';

const setUp = async () => {
  const w = inMemoryDependencies('2026-03-02T09:00:00Z');
  const body = companyBody(siret(9), 'fb');
  const company = await registerCompany(w.deps, callers.admin, body as never);
  const companyId = (company as { id: string }).id;
  const candidate = callers.candidate(companyId);
  await w.deps.members.bind(candidate.sub, companyId);
  const { dossier } = await createDossier(w.deps, candidate, draftBody('F') as never);
  return { ...w, id: dossier.id, contact: body.contact.email };
};

describe('mail feedback (SES bounces and complaints)', () => {
  it('marks the contact undeliverable on the dossier, journals it and tells the instructors, once', async () => {
    const w = await setUp();
    const feedback = {
      kind: 'bounce' as const,
      recipients: [w.contact],
      dossierId: w.id,
      at: '2026-03-02T10:00:00.000Z',
    };
    expect(await recordMailFeedback(w.deps, feedback)).toEqual([{ role: 'contact', kind: 'bounce', at: feedback.at }]);
    expect(await recordMailFeedback(w.deps, feedback)).toEqual([]); // SNS redelivery changes nothing
    const stored = (await w.deps.dossiers.get(w.id))!;
    expect(stored.dossier.undeliverable).toEqual([{ role: 'contact', kind: 'bounce', at: feedback.at }]);
    const journal = await w.deps.dossiers.journal(w.id);
    expect(journal.filter((e) => e.type === 'mail_undeliverable')).toHaveLength(1);
    const sent = [...w.outbox.messages.values()].filter((m) => m.template === 'mail_undeliverable');
    expect(sent.map((m) => m.to)).toEqual([['instruction@ans.test']]);
    expect(sent[0]!.text).not.toContain(w.contact); // the instructors are told who, not the address
  });

  it('ignores mail that was about no dossier, and our own mailbox', async () => {
    const w = await setUp();
    expect(await recordMailFeedback(w.deps, { kind: 'complaint', recipients: [w.contact], at: 'x' })).toEqual([]);
    expect(
      await recordMailFeedback(w.deps, {
        kind: 'bounce',
        recipients: ['instruction@ans.test'],
        dossierId: w.id,
        at: '2026-03-02T10:00:00.000Z',
      }),
    ).toEqual([]);
  });
});
