import { describe, expect, it } from 'vitest';
import { admissibleDossier } from '../../test/support/use-case-journey';
import { dispatchOutbox } from './dispatch-outbox';

describe('dispatching the outbox', () => {
  it('sends each pending mail once, and keeps a mail the mailer refused for the next run', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 211);
    const pending = (await w.outbox.pending(100)).length;
    expect(pending).toBeGreaterThan(1);
    const admissible = [...w.outbox.messages.values()].find((m) => m.template === 'admissibility_admissible')!.subject;
    let refuse = true;
    const send = w.mail.send.bind(w.mail);
    w.deps.mailer = {
      send: async (message, at) => {
        if (refuse && message.subject === admissible) throw new Error('SES down');
        void at;
        return send(message);
      },
    };
    expect(await dispatchOutbox(w.deps)).toEqual({ sent: pending - 1, failed: 1 });
    refuse = false;
    expect(await dispatchOutbox(w.deps)).toEqual({ sent: 1, failed: 0 });
    expect(await dispatchOutbox(w.deps)).toEqual({ sent: 0, failed: 0 });
    expect(w.mail.sent).toHaveLength(pending);
  });

  it('opens the invited account and binds it to its company before the registration mail goes', async () => {
    const w = await admissibleDossier('2026-03-02T09:00:00Z', 212);
    const invited = [...w.outbox.messages.values()].find((m) => m.invite)!;
    expect(invited.template).toBe('company_registered');
    expect(await w.deps.members.companyOf(`invited:${invited.invite!.email}`)).toBeNull();
    await dispatchOutbox(w.deps);
    expect(await w.deps.members.companyOf(`invited:${invited.invite!.email}`)).toBe(invited.invite!.ensId);
  });
});
