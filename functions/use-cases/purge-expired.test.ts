import { describe, expect, it } from 'vitest';
import { callers, certifiedBySilence, depositFile, submittedDossierIn } from '../../test/support/use-case-journey';
import { changeCertificateStatus, formalNotice } from './certificate-life';
import { ERASED } from '../domain/personal-data';
import { inMemoryDependencies } from '../adapters/memory/in-memory-dependencies';
import { PURGED_ACTOR, verifyChain } from '../domain/journal';
import { createDossier } from './create-dossier';
import { withdrawDossier } from './instruction';
import { postMessage } from './messages';
import { exportMyData } from './my-data';
import { nextPurgeAt, purgeExpired } from './purge-expired';
import { candidatureBody, companyBody, siret } from '../../test/support/api-client';
import { registerCompany } from './register-company';

const DAY = 86_400_000;

describe('the end of retention', () => {
  it('tells the company two weeks ahead, then erases a closed dossier and keeps its journal verifiable', async () => {
    const w = inMemoryDependencies('2027-01-04T08:00:00Z');
    const { id, candidate } = await submittedDossierIn(w, 91);
    await postMessage(w.deps, candidate, id, 'Notre responsable sécurité est Mme Ombeline Garnier-Sorel');
    await withdrawDossier(w.deps, candidate, id);
    const closedAt = (await w.deps.dossiers.get(id))!.dossier.closedAt!;
    expect(closedAt).toBe('2027-01-04T08:00:00.000Z');
    const before = await w.deps.dossiers.journal(id);
    expect(w.storage.objects.size).toBeGreaterThan(0);

    // closed after its submission: four years from the closure, to the end of that Paris day
    expect(await nextPurgeAt(w.deps)).toBe(Date.parse('2030-12-21T22:59:59.999Z'));
    w.clock.set('2030-12-21T22:00:00Z');
    expect(await purgeExpired(w.deps)).toMatchObject({ noticed: [], purged: [] });
    w.clock.set('2030-12-22T08:00:00Z');
    expect((await purgeExpired(w.deps)).noticed).toEqual([id]);
    const notice = [...w.outbox.messages.values()].find((m) => m.template === 'retention_notice')!;
    expect(notice.subject).toBe(
      `Effacement prochain des données du dossier ${(await w.deps.dossiers.get(id))!.dossier.reference}`,
    );
    expect(notice.text).toMatch(/effacées au terme du 4 janvier 2031/);
    expect((await purgeExpired(w.deps)).noticed).toEqual([]); // once
    expect(await nextPurgeAt(w.deps)).toBe(Date.parse('2031-01-04T22:59:59.999Z'));

    w.clock.set('2031-01-04T23:00:00Z');
    const report = await purgeExpired(w.deps);
    expect(report.purged).toEqual([
      expect.objectContaining({ dossierId: id, category: 'closed_without_certificate', events: before.length + 1 }),
    ]);
    expect(await w.deps.dossiers.get(id)).toBeNull();
    expect([...w.storage.objects.keys()].filter((k) => k.includes(id))).toEqual([]);
    expect((await w.deps.dossiers.messages(id, 50)).items).toEqual([]);
    const journal = await w.deps.dossiers.journal(id);
    expect(verifyChain(journal)).toBe(-1);
    expect(journal.map((e) => e.hash).slice(0, before.length)).toEqual(before.map((e) => e.hash));
    expect(journal.every((e) => e.actor.sub === PURGED_ACTOR && Object.keys(e.data).length === 0 && !e.salt)).toBe(
      true,
    );
    expect(JSON.stringify(journal)).not.toContain(candidate.sub);
    // the person's export finds nothing of the erased dossier any more
    const mine = await exportMyData(w.deps, candidate);
    expect(JSON.stringify(mine)).not.toContain(id);
    // nothing left to do: a second run changes nothing
    expect(await purgeExpired(w.deps)).toMatchObject({ noticed: [], purged: [] });
    expect(await nextPurgeAt(w.deps)).toBeUndefined();
  });

  it('keeps a draft never submitted one year, and leaves open dossiers alone', async () => {
    const w = inMemoryDependencies('2027-03-01T10:00:00Z');
    const company = (await registerCompany(w.deps, callers.admin, companyBody(siret(92), 'm92') as never)) as {
      id: string;
    };
    const candidate = callers.candidate(company.id);
    await w.deps.members.bind(candidate.sub, company.id);
    const draft = (await createDossier(w.deps, candidate, candidatureBody('Brouillon'))).dossier.id;
    const open = (await createDossier(w.deps, candidate, candidatureBody('Ouvert'))).dossier.id;
    await depositFile(w.deps, candidate, draft);
    await withdrawDossier(w.deps, candidate, draft);
    expect(await nextPurgeAt(w.deps)).toBe(Date.parse('2028-02-16T22:59:59.999Z'));
    w.clock.set(new Date(Date.parse('2028-03-01T22:59:59.999Z') + DAY).toISOString());
    // the notice is past its window once the erasure is due: the erasure alone
    const report = await purgeExpired(w.deps);
    expect(report.purged.map((p) => [p.dossierId, p.category])).toEqual([[draft, 'draft_not_submitted']]);
    expect(await w.deps.dossiers.get(draft)).toBeNull();
    expect((await w.deps.dossiers.get(open))!.dossier.status).toBe('draft');
  });

  it('keeps a certified dossier five years after its certificate ends, then erases the certificate’s people too', async () => {
    const w = await certifiedBySilence(94, '2027-02-01T09:00:00Z');
    const respondBy = new Date(w.clock.now().getTime() + 20 * DAY).toISOString();
    await formalNotice(w.deps, callers.instructor, w.number, { nonConformities: ['INS'], respondBy });
    w.clock.advance(21 * DAY);
    const withdrawn = await changeCertificateStatus(w.deps, callers.instructor, w.number, 'withdraw', ['non levée']);
    expect((await w.deps.dossiers.get(w.id))!.dossier.certificate!.endedAt).toBe(withdrawn.ended!.at);
    expect(withdrawn.ended!.by).toBe(callers.instructor.sub);

    w.clock.set(new Date(Date.parse(withdrawn.ended!.at) + 5 * 366 * DAY).toISOString());
    const report = await purgeExpired(w.deps);
    expect(report.purged.map((p) => [p.dossierId, p.category])).toEqual([[w.id, 'certified']]);
    const certificate = (await w.deps.certificates.get(w.number))!;
    expect(certificate.status).toBe('withdrawn');
    expect(certificate.ended!.by).toBe(ERASED);
    expect(certificate.formalNotices![0]!.issuedBy).toBe(ERASED);
    expect(certificate.acts!.every((a) => a.by === ERASED)).toBe(true);
    expect(JSON.stringify(certificate)).not.toContain(callers.instructor.sub);
    expect(verifyChain(await w.deps.dossiers.journal(w.id))).toBe(-1);
  });
});
