import { describe, expect, it } from 'vitest';
import { callers, submittedDossierIn } from '../../test/support/use-case-journey';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { NotFoundError } from '../domain/errors';
import { dispatchOutbox } from './dispatch-outbox';
import { replaceLegalRepresentativeUseCase } from './replace-legal-representative';

const newRep = { firstName: 'Clothilde', lastName: 'Marchetti', email: 'c.marchetti@exemple.fr', phone: '0102030405' };

describe('replacing a company’s legal representative', () => {
  it('replaces the entry, closes the former account and opens the new one through the outbox', async () => {
    const w = inMemoryDependencies('2027-02-01T09:00:00Z');
    const { companyId } = await submittedDossierIn(w, 93);
    await dispatchOutbox(w.deps);
    const before = (await w.deps.companies.get(companyId))!;
    const formerSub = `invited:${before.legalRepresentative.email}`;
    expect(await w.deps.members.companyOf(formerSub)).toBe(companyId);

    const answer = await replaceLegalRepresentativeUseCase(w.deps, callers.admin, companyId, {
      legalRepresentative: newRep,
      reason: 'Changement de gérant (extrait Kbis du 15 janvier 2027)',
    });
    expect(answer.legalRepresentative).toEqual(newRep);
    const after = (await w.deps.companies.get(companyId))!;
    expect(JSON.stringify(after)).not.toContain(before.legalRepresentative.email);
    const mail = [...w.outbox.messages.values()].find((m) => m.template === 'legal_representative_replaced')!;
    expect(mail.to).toEqual(expect.arrayContaining([newRep.email, before.legalRepresentative.email]));
    expect(mail.revoke).toEqual({ email: before.legalRepresentative.email, ensId: companyId });

    await dispatchOutbox(w.deps);
    expect(await w.deps.members.companyOf(formerSub)).toBeNull();
    expect(await w.deps.members.companyOf(`invited:${newRep.email}`)).toBe(companyId);
    // a removed account never binds again
    await expect(w.deps.members.bind(formerSub, companyId)).rejects.toThrow(/removed/);
  });

  it('answers 404 for a company that does not exist', async () => {
    const w = inMemoryDependencies('2027-02-01T09:00:00Z');
    await expect(
      replaceLegalRepresentativeUseCase(w.deps, callers.admin, 'no-such', { legalRepresentative: newRep, reason: 'x' }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
