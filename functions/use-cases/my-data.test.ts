import { describe, expect, it } from 'vitest';
import { admissibleDossierIn, callers, submittedDossierIn } from '../../test/support/use-case-journey';
import { openInfoRequestUseCase } from './info-requests';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { correctMyContact, exportMyData } from './my-data';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { postMessage } from './messages';

describe('a person’s own data', () => {
  it('holds the caller’s acts, messages, company entry and notifications, and nothing of another person', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const a = await submittedDossierIn(w, 81);
    const b = await admissibleDossierIn(w, 82);
    const company = (await w.deps.companies.get(a.companyId))!;
    const candidate = { ...a.candidate, email: company.legalRepresentative.email };
    // an information request: a notification to the company's contact and legal representative
    await openInfoRequestUseCase(w.deps, callers.instructor, a.id, ['Le plan de continuité']);
    await postMessage(w.deps, candidate, a.id, 'Une question sur la preuve 3');
    await postMessage(w.deps, callers.instructor, a.id, 'La réponse de l’ANS');
    await postMessage(w.deps, b.candidate, b.id, 'Un message de l’autre entreprise');

    const mine = await exportMyData(w.deps, candidate);
    expect(mine.person).toMatchObject({ sub: candidate.sub, companyId: a.companyId });
    expect(mine.companies).toEqual([
      { id: a.companyId, name: company.name, as: ['legalRepresentative'], person: company.legalRepresentative },
    ]);
    expect(mine.dossiers.map((d) => d.id)).toEqual([a.id]);
    expect(mine.dossiers[0]!.createdByYou).toBe(true);
    expect(mine.messages.map((m) => m.body)).toEqual(['Une question sur la preuve 3']);
    expect(mine.acts.map((e) => e.type)).toContain('dossier_created');
    expect(mine.notifications.map((n) => n.kind)).toContain('info_request');
    const text = JSON.stringify(mine);
    const other = (await w.deps.companies.get(b.companyId))!;
    for (const foreign of [company.contact.email, other.legalRepresentative.email, 'La réponse de l’ANS', b.id])
      expect(text).not.toContain(foreign);

    // the instructor's: their acts and their message, no company entry
    const staff = await exportMyData(w.deps, callers.instructor);
    expect(staff.companies).toEqual([]);
    expect(staff.messages.map((m) => m.body)).toEqual(['La réponse de l’ANS']);
    expect(staff.acts.map((e) => e.type)).toContain('dossier_admissible');
    expect(staff.acts.map((e) => e.dossierId)).toContain(a.id);
    expect(JSON.stringify(staff)).not.toContain('Une question sur la preuve 3');
  });

  it('records each request, and lists the earlier ones', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    await exportMyData(w.deps, callers.college);
    w.clock.advance(60_000);
    const second = await exportMyData(w.deps, callers.college);
    expect(second.requests.map((r) => r.at)).toEqual(['2027-01-04T08:00:00.000Z', '2027-01-04T08:01:00.000Z']);
  });

  it('lets a person correct their own name and phone, never another’s entry, and records it', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const a = await submittedDossierIn(w, 83);
    const company = (await w.deps.companies.get(a.companyId))!;
    const rep = { ...a.candidate, email: company.legalRepresentative.email.toUpperCase() };
    const { items } = await correctMyContact(w.deps, rep, { phone: '+33 6 00 00 00 01' });
    expect(items).toEqual([
      { as: 'legalRepresentative', person: { ...company.legalRepresentative, phone: '+33 6 00 00 00 01' } },
    ]);
    const after = (await w.deps.companies.get(a.companyId))!;
    expect(after.contact).toEqual(company.contact);
    expect((await exportMyData(w.deps, rep)).requests.map((r) => r.kind)).toEqual(['rectification', 'export']);
    // someone whose address is in no entry, or an API client of the company, corrects nothing
    await expect(
      correctMyContact(w.deps, { ...a.candidate, email: 'x@example.org' }, { phone: '+33 1 00 00 00 00' }),
    ).rejects.toThrow(NotFoundError);
    await expect(correctMyContact(w.deps, { ...rep, clientId: 'c1' }, { phone: '+33 1 00 00 00 00' })).rejects.toThrow(
      ForbiddenError,
    );
  });
});
