import { describe, expect, it } from 'vitest';
import { admissibleDossier } from '../../test/support/use-case-journey';
import { mailToAns, mailToCompany } from '../domain/rule-change';
import { PreconditionFailedError } from '../domain/errors';
import { commitChange, commitDossier } from './commit-dossier';

describe('storing a dossier change', () => {
  it('chains the journal, addresses each mail and guards the version it read', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 51);
    const stored = (await w.deps.dossiers.get(w.id))!;
    const saved = await commitChange(w.deps, stored, {
      dossier: stored.dossier,
      events: [{ type: 'test_event', actor: { sub: 'x', role: 'instructor' } }],
      mails: [
        mailToCompany('t:1', 'convention_ready', {}, { copyToAns: true }),
        mailToAns('t:2', 'info_request_answered', { at: '2026-03-02T09:00:00.000Z' }),
      ],
    });
    expect(saved.version).toBe(stored.version + 1);
    expect(saved.journalHead.seq).toBe(stored.journalHead.seq + 1);
    const mails = [...w.outbox.messages.values()].filter(
      (m) => m.id && ['convention_ready', 'info_request_answered'].includes(m.template),
    );
    expect(mails.find((m) => m.template === 'convention_ready')!.to).toEqual(
      expect.arrayContaining(['instruction@ans.test', expect.stringContaining('@')]),
    );
    expect(mails.find((m) => m.template === 'convention_ready')!.to.length).toBeGreaterThan(1);
    expect(mails.find((m) => m.template === 'info_request_answered')!.to).toEqual(['instruction@ans.test']);
    // the version read is gone: a second write from it fails, and nothing of it is stored
    await expect(commitDossier(w.deps, stored, stored.dossier, [])).rejects.toThrow(PreconditionFailedError);
    expect((await w.deps.dossiers.get(w.id))!.version).toBe(saved.version);
  });

  it('lets a receipt quote its own journal event, and wakes the workflow only when told', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 52);
    const stored = (await w.deps.dossiers.get(w.id))!;
    const signals = w.workflow.signals.length;
    const saved = await commitChange(w.deps, stored, {
      dossier: stored.dossier,
      events: [{ type: 'receipt', actor: { sub: 'x', role: 'candidate' } }],
      afterJournal: (journal, d) => ({
        dossier: { ...d, receipt: { at: 'now', seq: journal[0]!.seq, hash: journal[0]!.hash } },
      }),
    });
    expect(saved.dossier.receipt).toEqual({ at: 'now', seq: saved.journalHead.seq, hash: saved.journalHead.hash });
    expect(w.workflow.signals.length).toBe(signals);
  });
});
