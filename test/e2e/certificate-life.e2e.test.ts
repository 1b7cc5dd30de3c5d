import { describe, expect, it } from 'vitest';
import { api } from '../support/api-client';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;

// the seed's fixed date (31 Dec 2024) is past: this stack runs with a later one
useLocalStack((ctx) => ({ http, t } = ctx), { env: { EXCEPTIONAL_CERTIFICATE_EXPIRES_ON: '2027-12-31' } });

const certify = async (seed: number) => {
  const d = await journey.readyForCollege(http, seed);
  const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
    token: await t.college(),
    body: { decision: 'certified' },
  });
  expect(decided.status).toBe(200);
  return { ...d, number: decided.json.certificate.number as string };
};
const certificate = async (number: string) =>
  (await http.call('GET', `/v1/certificates/${number}`, { token: await t.instructor() })).json;
const publicStatus = async (number: string) =>
  (await http.call('GET', `/v1/public/certificates/${number}`)).json.status;
const advance = (duration: string) => http.call('POST', '/_local/clock', { body: { advance: duration } });
const inMonths = async (months: number) => {
  const { now } = (await http.call('GET', '/_local/clock')).json;
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
};

describe('formal notice, suspension, withdrawal, termination', () => {
  it('goes formal notice → suspension → remedied → reinstatement, each change public at once', async () => {
    const { number, id } = await certify(700);
    const instructor = await t.instructor();
    const tooLong = await http.call('POST', `/v1/certificates/${number}/formal-notice`, {
      token: instructor,
      body: { nonConformities: ['INS'], respondBy: await inMonths(7) },
    });
    expect(tooLong.status).toBe(422);
    const bare = await http.call('POST', `/v1/certificates/${number}/suspend`, { token: instructor });
    expect(bare.status).toBe(400); // a sanction states its reasons (API.md [1.2])
    const noNotice = await http.call('POST', `/v1/certificates/${number}/suspend`, {
      token: instructor,
      body: { reasons: ['Risque identitovigilance'] },
    });
    expect(noNotice.status).toBe(409); // no notice yet
    const notice = await http.call('POST', `/v1/certificates/${number}/formal-notice`, {
      token: instructor,
      body: { nonConformities: ['Traits INS non affichés'], respondBy: await inMonths(3) },
    });
    expect(notice.status).toBe(200);
    // a formal notice is a step of a procedure, never published (API.md [1.2]): the public sees `valid`
    expect(notice.json.status).toBe('formal_notice');
    expect(await publicStatus(number)).toBe('valid');
    const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).json;
    expect(dossier.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['convention_term', 'formal_notice']);

    expect(
      (
        await http.call('POST', `/v1/certificates/${number}/suspend`, {
          token: instructor,
          body: { reason: 'Risque identitovigilance' },
        })
      ).status,
    ).toBe(200);
    expect(await publicStatus(number)).toBe('suspended');
    // suspended « jusqu'à ce qu'il soit remédié » (R.1470-9): no reinstatement while the notice stands
    expect((await http.call('POST', `/v1/certificates/${number}/reinstate`, { token: instructor })).status).toBe(409);
    const company = (await certificate(number)).company.id;
    const response = await http.call('POST', `/v1/certificates/${number}/formal-notice/response`, {
      token: await t.candidate(company),
      body: { message: 'Correctif déployé en v1.0.1' },
    });
    expect(response.status).toBe(200);
    expect(
      (await http.call('POST', `/v1/certificates/${number}/formal-notice/close`, { token: instructor })).status,
    ).toBe(200);
    expect((await certificate(number)).status).toBe('suspended');
    expect((await http.call('POST', `/v1/certificates/${number}/reinstate`, { token: instructor })).status).toBe(200);
    expect(await publicStatus(number)).toBe('valid');
    const mail = (await http.call('GET', '/_local/mail?to=contact-e700@example.fr')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(mail).toEqual(
      expect.arrayContaining([expect.stringContaining('Mise en demeure'), expect.stringContaining('suspendu')]),
    );
  }, 120_000);

  it('opens withdrawal only once a formal notice lapsed; a person withdraws', async () => {
    const { number } = await certify(710);
    const instructor = await t.instructor();
    await http.call('POST', `/v1/certificates/${number}/formal-notice`, {
      token: instructor,
      body: { nonConformities: ['HDS'], respondBy: await inMonths(1) },
    });
    const early = await http.call('POST', `/v1/certificates/${number}/withdraw`, {
      token: instructor,
      body: { reasons: ['HDS'] },
    });
    expect(early.status).toBe(409);
    await advance('P45D');
    const lapsed = await certificate(number);
    expect(lapsed.life.formalNotices[0].status).toBe('lapsed');
    expect(lapsed.status).toBe('formal_notice'); // nothing happens by itself: a person decides
    const toAns = (await http.call('GET', '/_local/mail?to=instruction@ans.localhost')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(toAns).toEqual(
      expect.arrayContaining([expect.stringContaining(`Mise en demeure échue — certificat ${number}`)]),
    );
    const withdrawn = await http.call('POST', `/v1/certificates/${number}/withdraw`, {
      token: await t.instructor(),
      body: { reason: 'Non-conformité persistante' },
    });
    expect(withdrawn.status).toBe(200);
    expect(await publicStatus(number)).toBe('withdrawn');
    expect(
      (await http.call('POST', `/v1/certificates/${number}/reinstate`, { token: await t.instructor() })).status,
    ).toBe(409);
  }, 120_000);

  it('terminates for fault (a listed case), and for fraud only after notice to present observations', async () => {
    const { number } = await certify(720);
    const instructor = await t.instructor();
    expect(
      (
        await http.call('POST', `/v1/certificates/${number}/terminate`, {
          token: instructor,
          body: { ground: 'fault', reason: 'x' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await http.call('POST', `/v1/certificates/${number}/terminate`, {
          token: instructor,
          body: { ground: 'fraud', reason: 'x' },
        })
      ).status,
    ).toBe(409);
    const candidate = await t.candidate((await certificate(number)).company.id);
    expect(
      (
        await http.call('POST', `/v1/certificates/${number}/terminate`, {
          token: candidate,
          body: { ground: 'fault', reason: 'x', faultCase: 'misuse_of_certificate' },
        })
      ).status,
    ).toBe(403);
    const done = await http.call('POST', `/v1/certificates/${number}/terminate`, {
      token: instructor,
      body: {
        ground: 'fault',
        reason: 'Usage du certificat pour un autre produit',
        faultCase: 'misuse_of_certificate',
      },
    });
    expect(done.status).toBe(200);
    expect(done.json.life.ended).toMatchObject({
      status: 'terminated',
      ground: 'fault',
      faultCase: 'misuse_of_certificate',
    });
    expect(await publicStatus(number)).toBe('terminated');
  }, 120_000);
});

describe('long clocks under the virtual clock', () => {
  it('lets an exceptional certificate expire on its date unless replaced', async () => {
    const { id, candidate, companyId } = await journey.admissibleDossier(http, 750, 'company', { commitment: true });
    await journey.completeFile(http, id, candidate);
    await journey.reviewAll(http, id, ['TLC-01', 'PEN-01', 'PEN-02', 'DMP-01', 'MSS-01', 'HDS-01', 'TLC-02']);
    await journey.passInsTestDay(http, id, candidate);
    const instructor = await t.instructor();
    expect((await http.call('POST', `/v1/dossiers/${id}/instruction/complete`, { token: instructor })).status).toBe(
      409,
    );
    const exceptional = await http.call('POST', `/v1/dossiers/${id}/instruction/complete`, {
      token: instructor,
      body: { exceptional: true },
    });
    expect(exceptional.status).toBe(200);
    await http.call('POST', `/v1/dossiers/${id}/convention/sign`, {
      token: await t.candidate(companyId),
      body: { signatoryName: 'C. Martin' },
    });
    const decided = await http.call('POST', `/v1/dossiers/${id}/college-decision`, {
      token: await t.college(),
      body: { decision: 'certified' },
    });
    const number = decided.json.certificate.number;
    const granted = await certificate(number);
    expect(granted.life.exceptionalExpiresAt).toBe('2027-12-31T22:59:59.999Z');
    const { now } = (await http.call('GET', '/_local/clock')).json;
    const days = Math.ceil((Date.parse('2027-12-31T22:59:59.999Z') - Date.parse(now)) / 86_400_000);
    await advance(`P${days - 2}D`);
    expect(await publicStatus(number)).toBe('valid');
    await advance('P3D');
    expect(await publicStatus(number)).toBe('expired');
  }, 120_000);

  it('renews the convention tacitly at its 5-year term: the certificate stays valid with a new term', async () => {
    const { number, id } = await certify(760);
    const before = await certificate(number);
    const term = before.life.conventionTermAt;
    expect(Date.parse(term) - Date.parse(before.grantedAt)).toBeGreaterThan(4.99 * 365 * 86_400_000);
    await advance('P5Y1M');
    const after = await certificate(number);
    expect(after.status).toBe('valid');
    expect(after.life.renewals).toHaveLength(1);
    expect(after.life.renewals[0].previousTermAt).toBe(term);
    expect(Date.parse(after.life.conventionTermAt)).toBeGreaterThan(Date.parse(term) + 4.99 * 365 * 86_400_000);
    const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token: await t.instructor() })).json;
    expect(dossier.deadlines).toEqual([
      { kind: 'convention_term', dueAt: after.life.conventionTermAt, legalBasis: expect.stringContaining('5.4') },
    ]);
    const mail = (await http.call('GET', '/_local/mail?to=contact-e760@example.fr')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(mail).toEqual(
      expect.arrayContaining([expect.stringContaining(`Convention renouvelée — certificat ${number}`)]),
    );
  }, 180_000);
});

describe('renewals and expiry', () => {
  it('flags every holder when a new referential version is published, and prefills a linked renewal candidature', async () => {
    const { number, companyId } = await certify(730);
    const csv =
      'section_id;section_title;requirement_id;title;description;profiles;sensitive;expected_evidence\nins;INS;INS-01;Traits;d;general;non;x\n';
    const imported = await http.call('POST', '/v1/referentials', {
      token: await t.admin(),
      body: {
        version: '1.5.0',
        format: 'csv',
        content: Buffer.from(csv).toString('base64'),
        renewalRequiredBy: '2027-12-31',
        current: true,
      },
    });
    expect(imported.status).toBe(201);
    expect(imported.json.holdersFlagged).toBeGreaterThanOrEqual(1);
    expect((await certificate(number)).life.renewalRequiredBy).toBe(imported.json.renewalRequiredBy);
    const mail = (await http.call('GET', '/_local/mail?to=contact-e730@example.fr')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(mail).toEqual(expect.arrayContaining([expect.stringContaining('Nouvelle candidature requise')]));

    const candidate = await t.candidate(companyId);
    const renewal = await http.call('POST', `/v1/certificates/${number}/renewal-candidature`, {
      token: candidate,
      body: { productVersion: '2.0' },
    });
    expect(renewal.status).toBe(201);
    const draft = (await http.call('GET', `/v1/dossiers/${renewal.json.id}`, { token: candidate })).json;
    expect(draft).toMatchObject({
      status: 'draft',
      renewalOf: number,
      referentialVersion: '1.5.0',
      product: { name: 'Produit 730', version: '2.0' },
      nie: 'NIE-1',
    });
    const stranger = await journey.admissibleDossier(http, 731, 'company');
    expect(
      (await http.call('POST', `/v1/certificates/${number}/renewal-candidature`, { token: stranger.candidate })).status,
    ).toBe(404);
  }, 120_000);

  it('never reopens a refused dossier: a new candidature is required', async () => {
    const d = await journey.readyForCollege(http, 740);
    await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
      token: await t.college(),
      body: { decision: 'refused', reasons: ['Insuffisant'] },
    });
    const again = await http.call('POST', `/v1/dossiers/${d.id}/withdraw`, { token: await t.candidate(d.companyId) });
    expect(again.status).toBe(409);
    const abandoned = await http.call('POST', `/v1/dossiers/${d.id}/submit`, { token: await t.candidate(d.companyId) });
    expect(abandoned.status).toBe(409);
  }, 120_000);
});
