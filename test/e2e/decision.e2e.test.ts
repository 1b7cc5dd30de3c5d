import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../functions/adapters/spreadsheet/xlsx';
import { api, PLANNED_COMPLETE_PROOF_DATE } from '../support/api-client';
import {
  admissibleDossier,
  completeFile,
  passInsTestDay,
  readyForCollege,
  reviewAll,
  tokens,
} from '../support/journeys';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { pdf, settled, upload } from '../support/uploads';

let stack: TestStack;
let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ stack, http, t } = ctx));

const get = async (id: string) => (await http.call('GET', `/v1/dossiers/${id}`, { token: await t.instructor() })).json;

describe('complete file → reviews → information request → convention → collège → certificate', () => {
  it('runs the whole instruction and decision path', async () => {
    const { id, candidate, companyId } = await admissibleDossier(http, 600, 'company');
    const { last, proofs } = await completeFile(http, id, candidate);
    expect(last.json.status).toBe('instruction');

    // closing instruction too early names what is missing
    const early = await http.call('POST', `/v1/dossiers/${id}/instruction/complete`, { token: await t.instructor() });
    expect(early.status).toBe(409);
    expect(early.json.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['requirements.TLC-01', 'insTestDay']),
    );

    // one non-compliant verdict, a new proof, a new review; the history is kept
    const instructor = await t.instructor();
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/proofs/${proofs['TLC-01']}/review`, {
          token: instructor,
          body: { verdict: 'non_compliant' },
        })
      ).status,
    ).toBe(422);
    const rejected = await http.call('POST', `/v1/dossiers/${id}/proofs/${proofs['TLC-01']}/review`, {
      token: instructor,
      body: { verdict: 'non_compliant', comment: 'La vidéo ne montre pas l’application Android.' },
    });
    expect(rejected.status).toBe(200);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/proofs/${proofs['PEN-01']}/review`, {
          token: instructor,
          body: { verdict: 'compliant' },
        })
      ).status,
    ).toBe(403);
    expect((await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-02' })).grant.status).toBe(409); // not reopened
    const fix = await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-01', file: pdf('android') });
    expect(fix.grant.status).toBe(201);
    await settled(http, candidate, id, fix.grant.json.uploadId);
    const seen = await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: candidate });
    const tlc01 = seen.json.sections
      .flatMap((s: { requirements: unknown[] }) => s.requirements)
      .find((r: { id: string }) => r.id === 'TLC-01');
    expect(tlc01.proofs.find((p: { id: string }) => p.id === proofs['TLC-01']).review).toMatchObject({
      verdict: 'non_compliant',
      comment: expect.stringContaining('Android'),
    });
    await reviewAll(http, id);

    // an information request answered in time restarts the decision clock in full from the answer
    const before = (await get(id)).decisionDueAt;
    const opened = await http.call('POST', `/v1/dossiers/${id}/info-requests`, {
      token: instructor,
      body: { missingItems: ['Attestation de l’hébergeur'] },
    });
    expect(opened.status).toBe(201);
    const during = await get(id);
    expect(during.deadlines.map((d: { kind: string }) => d.kind).sort()).toEqual(['info_request', 'ins_test_day']);
    await http.call('POST', '/_local/clock', { body: { advance: 'P10D' } });
    const answered = await http.call('POST', `/v1/dossiers/${id}/info-requests/${opened.json.requestId}/answer`, {
      token: await t.candidate(companyId),
      body: { message: 'Attestation jointe.' },
    });
    expect(answered.status).toBe(200);
    const after = await get(id);
    expect(new Date(after.decisionDueAt).getTime()).toBeGreaterThan(new Date(before).getTime() + 9 * 86_400_000);
    expect(after.deadlines.find((d: { kind: string }) => d.kind === 'decision').dueAt).toBe(after.decisionDueAt);

    // INS test day, then instruction closes and the convention is generated
    const fresh = await t.candidate(companyId);
    const tooLate = await http.call('POST', `/v1/dossiers/${id}/ins-test-day`, {
      token: fresh,
      body: { proposedDate: '2031-01-01' },
    });
    expect(tooLate.status).toBe(422);
    await passInsTestDay(http, id, fresh);
    const closed = await http.call('POST', `/v1/dossiers/${id}/instruction/complete`, { token: await t.instructor() });
    expect(closed.status).toBe(200);
    expect(closed.json.status).toBe('convention_pending');
    const convention = await http.call('GET', `/v1/dossiers/${id}/convention`, { token: fresh });
    const bytes = Buffer.from(await (await fetch(convention.json.url)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');

    // only the company signs; the version may change at signature and is then consistent
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/convention/sign`, {
          token: await t.instructor(),
          body: { signatoryName: 'X' },
        })
      ).status,
    ).toBe(403);
    const stranger = await admissibleDossier(http, 601, 'company');
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/convention/sign`, {
          token: stranger.candidate,
          body: { signatoryName: 'X' },
        })
      ).status,
    ).toBe(404);
    const signed = await http.call('POST', `/v1/dossiers/${id}/convention/sign`, {
      token: fresh,
      body: { signatoryName: 'Camille Martin', productVersion: '1.1' },
    });
    expect(signed.status).toBe(200);
    expect(signed.json).toMatchObject({
      status: 'college_pending',
      product: { version: '1.1' },
      convention: { signatoryName: 'Camille Martin', signedBy: `cand-${companyId}` },
    });

    // the collège's agenda, and only the collège decides
    const college = await t.college();
    const agenda = await http.call('GET', '/v1/college/agenda', { token: college });
    expect(agenda.json.items.map((i: { dossierId: string }) => i.dossierId)).toContain(id);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/college-decision`, {
          token: await t.instructor(),
          body: { decision: 'certified' },
        })
      ).status,
    ).toBe(403);
    const decided = await http.call('POST', `/v1/dossiers/${id}/college-decision`, {
      token: college,
      body: { decision: 'certified' },
    });
    expect(decided.status).toBe(200);
    expect(decided.json.certificate).toMatchObject({
      number: expect.stringMatching(/^TLC-\d{4}-\d{6}$/),
      grantedBy: 'college',
      withReservations: false,
      status: 'valid',
    });
    const number = decided.json.certificate.number;

    // the certificate: PDF for the company, public verification and list without personal data
    const certificatePdf = await http.call('GET', `/v1/certificates/${number}/pdf`, {
      token: await t.candidate(companyId),
    });
    expect(
      Buffer.from(await (await fetch(certificatePdf.json.url)).arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await http.call('GET', `/v1/certificates/${number}/pdf`, { token: stranger.candidate })).status).toBe(404);
    const verification = await http.call('GET', `/v1/public/certificates/${number}`);
    expect(verification.json).toMatchObject({
      number,
      status: 'valid',
      product: { version: '1.1' },
      company: { name: 'Société e600' },
      plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
    });
    const list = await http.call('GET', '/v1/public/certificates');
    expect(list.json.items.map((c: { number: string }) => c.number)).toContain(number);
    expect(list.text).not.toMatch(/@|\+33/);
    const csv = await http.call('GET', '/v1/public/certificates', { headers: { accept: 'text/csv' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain(number);
    expect(csv.text).not.toMatch(/@|\+33/);
    expect((await http.call('GET', '/v1/public/certificates/TLC-1999-000001')).status).toBe(404);
    expect((await http.call('GET', '/v1/public/certificates/nonsense')).status).toBe(400);

    const mail = (await http.call('GET', '/_local/mail?to=contact-e600@example.fr')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(mail).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Preuve non conforme'),
        expect.stringContaining('Convention à signer'),
        expect.stringContaining(`Certificat de conformité ${number}`),
      ]),
    );
  }, 120_000);
});

describe('tacit acceptance (R.1470-4)', () => {
  it('certifies a dossier left without decision for six months, not a day before', async () => {
    const { id, candidate } = await admissibleDossier(http, 610, 'company');
    const { last } = await completeFile(http, id, candidate);
    const due = new Date(last.json.decisionDueAt);
    const { now } = (await http.call('GET', '/_local/clock')).json;
    const days = Math.floor((due.getTime() - new Date(now).getTime()) / 86_400_000);
    await http.call('POST', '/_local/clock', { body: { advance: `P${days - 1}D` } });
    const before = await get(id);
    expect(before.status).toBe('instruction');
    expect(before.insTestLate).toBe(true); // no INS test day within 4 weeks: flagged, reminded
    await http.call('POST', '/_local/clock', { body: { advance: 'P2D' } });
    const after = await get(id);
    expect(after.status).toBe('certified');
    expect(after.certificate).toMatchObject({ grantedBy: 'tacit_acceptance', status: 'valid' });
    expect(new Date(after.certificate.grantedAt).getTime()).toBeGreaterThan(due.getTime());
    const verification = await http.call('GET', `/v1/public/certificates/${after.certificate.number}`);
    expect(verification.json.grantedBy).toBe('tacit_acceptance');
    const toAns = (await http.call('GET', '/_local/mail?to=instruction@ans.localhost')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(toAns).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Rappel : échéance dans 15 jours'),
        expect.stringContaining('Rappel : échéance dans 3 jours'),
      ]),
    );
    const toCompany = (await http.call('GET', '/_local/mail?to=contact-e610@example.fr')).json.items.map(
      (m: { subject: string }) => m.subject,
    );
    expect(toCompany).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Journée de test INS non organisée'),
        expect.stringContaining('Certificat de conformité'),
      ]),
    );
  }, 120_000);
});

describe('other decisions and actions', () => {
  it('refuses with reasons, and certifies with listed reservations', async () => {
    const refused = await readyForCollege(http, 620);
    const college = await t.college();
    expect(
      (
        await http.call('POST', `/v1/dossiers/${refused.id}/college-decision`, {
          token: college,
          body: { decision: 'refused' },
        })
      ).status,
    ).toBe(400);
    const r = await http.call('POST', `/v1/dossiers/${refused.id}/college-decision`, {
      token: college,
      body: { decision: 'refused', reasons: ['Chiffrement insuffisant'] },
    });
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('refused');
    expect(
      (
        await http.call('POST', `/v1/dossiers/${refused.id}/college-decision`, {
          token: college,
          body: { decision: 'certified' },
        })
      ).status,
    ).toBe(409);

    const reserved = await readyForCollege(http, 621);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${reserved.id}/college-decision`, {
          token: college,
          body: { decision: 'certified_with_reservations' },
        })
      ).status,
    ).toBe(400);
    const w = await http.call('POST', `/v1/dossiers/${reserved.id}/college-decision`, {
      token: college,
      body: { decision: 'certified_with_reservations', reservations: ['Flux CIBA à documenter'] },
    });
    expect(w.json).toMatchObject({ status: 'certified_with_reservations', certificate: { withReservations: true } });
    expect((await http.call('GET', `/v1/public/certificates/${w.json.certificate.number}`)).json.withReservations).toBe(
      true,
    );
  }, 120_000);

  it('lets the candidate withdraw an open candidature, and instructors export a queue', async () => {
    const { id, candidate } = await admissibleDossier(http, 630, 'company');
    const w = await http.call('POST', `/v1/dossiers/${id}/withdraw`, { token: candidate });
    expect(w.status).toBe(200);
    expect(w.json.status).toBe('withdrawn');
    expect((await http.call('POST', `/v1/dossiers/${id}/withdraw`, { token: candidate })).status).toBe(409);

    const d = await admissibleDossier(http, 631, 'company');
    await completeFile(http, d.id, d.candidate);
    const csv = await http.call('GET', '/v1/queue/export?stage=instruction&format=csv', {
      token: await t.instructor(),
    });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(d.id);
    const xlsx = await fetch(`${stack.url}/v1/queue/export?stage=instruction&format=xlsx`, {
      headers: { authorization: `Bearer ${await t.instructor()}` },
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.status).toBe(200);
    // the workbook as a spreadsheet reads it: the header, then a row naming the dossier
    const rows = readXlsxRows(Buffer.from(await xlsx.arrayBuffer()));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.slice(1).some((row) => row.includes(d.id))).toBe(true);
    expect(
      (await http.call('GET', '/v1/queue/export?stage=instruction&format=pdf', { token: await t.instructor() })).status,
    ).toBe(400);
    expect((await http.call('GET', '/v1/queue/export?stage=instruction', { token: d.candidate })).status).toBe(403);
  }, 120_000);
});
