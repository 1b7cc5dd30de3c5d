import { describe, expect, it } from 'vitest';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { callers } from '../../test/support/use-case-journey';
import { companyBody, siret } from '../../test/support/api-client';
import { ConflictError } from '../domain/errors';
import { dispatchOutbox } from './dispatch-outbox';
import { registerCompany } from './register-company';

/** Company accounts and the binding of the representative's account, over in-memory ports. */
describe('registering a company', () => {
  it('registers once, invites the representative through the outbox, and binds the account to the company', async () => {
    const w = inMemoryDependencies('2026-03-02T09:00:00Z');
    const { id } = await registerCompany(w.deps, callers.admin, companyBody(siret(51), 'r51') as never);
    await expect(registerCompany(w.deps, callers.admin, companyBody(siret(51), 'r52') as never)).rejects.toThrow(
      ConflictError,
    );
    expect(await dispatchOutbox(w.deps)).toMatchObject({ sent: 1, failed: 0 });
    expect(await w.deps.members.companyOf('invited:rep-r51@example.fr')).toBe(id);
    // a second dispatch sends nothing again
    expect(await dispatchOutbox(w.deps)).toMatchObject({ sent: 0 });
    expect(w.mail.sent).toHaveLength(1);
  });

  it('keeps the mail when sending fails, and sends it on a later round', async () => {
    let fail = true;
    const w = inMemoryDependencies('2026-03-02T09:00:00Z');
    const mailer = {
      send: async (message: { to: string[]; subject: string; text: string; html: string; id: string }) => {
        if (fail) throw new Error('SES throttled');
        w.mail.sent.push(message);
      },
    };
    w.deps.mailer = mailer;
    await registerCompany(w.deps, callers.admin, companyBody(siret(54), 'r54') as never);
    expect(await dispatchOutbox(w.deps)).toMatchObject({ sent: 0, failed: 1 });
    fail = false;
    expect(await dispatchOutbox(w.deps)).toMatchObject({ sent: 1, failed: 0 });
  });
});
