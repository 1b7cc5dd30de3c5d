import { describe, expect, it } from 'vitest';
import { api, candidatureBody } from '../support/api-client';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';
import { settled, upload } from '../support/uploads';

/**
 * Contract v1.1 at the edges of the law (issue 10): each `describe` is one numbered point of the
 * issue, over HTTP against the local stack. `timers: "hold"` moves the virtual clock without
 * firing any timer — a late wake-up, as in AWS — to prove that legal effects come first.
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const DAY = 86_400_000;
const get = async (id: string) => (await http.call('GET', `/v1/dossiers/${id}`, { token: await t.instructor() })).json;
const advance = (advance: string, timers?: 'hold') =>
  http.call('POST', '/_local/clock', { body: { advance, ...(timers ? { timers } : {}) } });
const now = async () => new Date((await http.call('GET', '/_local/clock')).json.now as string);
const mailTo = async (to: string) =>
  (await http.call('GET', `/_local/mail?to=${to}`)).json.items as { subject: string; text: string }[];
const post = async (path: string, token: string, body?: unknown) =>
  http.call('POST', path, { token, ...(body !== undefined ? { body } : {}) });
/** moves to just after `instant` without firing any timer */
const lateTimerAfter = async (instant: string, extraSeconds = 30) => {
  const ms = new Date(instant).getTime() - (await now()).getTime() + extraSeconds * 1000;
  return advance(`PT${Math.ceil(ms / 1000)}S`, 'hold');
};

/** A dossier in instruction, every proof compliant, its INS test day passed. */
const instructed = async (seed: number) => {
  const d = await journey.admissibleDossier(http, seed, 'company');
  const { last } = await journey.completeFile(http, d.id, d.candidate);
  await journey.reviewAll(http, d.id);
  return { ...d, receipt: last.json };
};

describe('1. an unfavourable report: the collège may refuse, or certify with reservations', () => {
  it('goes to the collège without a convention; certified is refused; refusal states reasons and appeal', async () => {
    const d = await journey.admissibleDossier(http, 800, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    const instructor = await t.instructor();
    const before = await get(d.id);
    const bare = await post(`/v1/dossiers/${d.id}/instruction/complete`, instructor, { outcome: 'unfavourable' });
    expect(bare.status).toBe(422);
    expect(bare.json.errors[0].path).toBe('nonConformities');
    expect((await get(d.id)).version).toBe(before.version); // nothing changed
    const report = await post(`/v1/dossiers/${d.id}/instruction/complete`, instructor, {
      outcome: 'unfavourable',
      nonConformities: ['TLC-01 : la preuve ne couvre pas Android'],
    });
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ status: 'college_pending', instructionReport: { outcome: 'unfavourable' } });
    expect(report.json.convention).toBeUndefined();
    expect(report.json.deadlines.map((c: { kind: string }) => c.kind)).toContain('decision');

    const college = await t.college();
    const agenda = await http.call('GET', '/v1/college/agenda', { token: college });
    expect(agenda.json.items.map((i: { dossierId: string }) => i.dossierId)).toContain(d.id);
    const certified = await post(`/v1/dossiers/${d.id}/college-decision`, college, { decision: 'certified' });
    expect(certified.status).toBe(422);
    expect(certified.json.legalBasis).toContain('§5.4');
    const refused = await post(`/v1/dossiers/${d.id}/college-decision`, college, {
      decision: 'refused',
      reasons: ['Non-conformités majeures non levées'],
    });
    expect(refused.status).toBe(200);
    expect(refused.json.status).toBe('refused');
    expect(refused.json.decision).toMatchObject({
      outcome: 'refused',
      reasons: ['Non-conformités majeures non levées'],
      appeal: expect.objectContaining({ text: expect.stringContaining('tribunal administratif') }),
    });
    const mail = (await mailTo('contact-e800@example.fr')).find((m) => m.subject.startsWith('Décision de refus'));
    expect(mail?.text).toContain('recours gracieux');
    expect(mail?.text).toContain('deux mois');
  }, 120_000);

  it('certifies with reservations: the convention first, the certificate on signature', async () => {
    const d = await journey.admissibleDossier(http, 801, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    await post(`/v1/dossiers/${d.id}/instruction/complete`, await t.instructor(), {
      outcome: 'unfavourable',
      nonConformities: ['MSS-01 manquant'],
    });
    const decided = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), {
      decision: 'certified_with_reservations',
      reservations: ['Mettre en conformité MSS-01 sous six mois'],
    });
    expect(decided.status).toBe(200);
    expect(decided.json).toMatchObject({
      status: 'convention_pending',
      decision: { outcome: 'certified_with_reservations', reservations: ['Mettre en conformité MSS-01 sous six mois'] },
    });
    expect(decided.json.certificate).toBeUndefined();
    // the decision is taken: no decision clock; the file is complete, so no inactivity clock either
    // (v1.2): the convention's signature has its own, which only reminds
    expect(decided.json.deadlines.map((c: { kind: string }) => c.kind)).toEqual(['convention_signature']);
    const convention = await http.call('GET', `/v1/dossiers/${d.id}/convention`, { token: d.candidate });
    expect(convention.status).toBe(200);
    const signed = await post(`/v1/dossiers/${d.id}/convention/sign`, d.candidate, { signatoryName: 'Camille Martin' });
    expect(signed.status).toBe(200);
    expect(signed.json.status).toBe('certified_with_reservations');
    expect(signed.json.certificate).toMatchObject({ grantedBy: 'college', withReservations: true });
    const pub = await http.call('GET', `/v1/public/certificates/${signed.json.certificate.number}`);
    expect(pub.json).toMatchObject({ status: 'valid', withReservations: true });
  }, 120_000);
});

describe('2. the decision clock stands still during a request and resumes with the time it had left', () => {
  it('moves the deadline by the whole days the request stood open (suspend, the default)', async () => {
    const d = await instructed(810);
    const dueBefore = new Date(d.receipt.decisionDueAt as string);
    const instructor = await t.instructor();
    const opened = await post(`/v1/dossiers/${d.id}/info-requests`, instructor, { missingItems: ['Preuve INS'] });
    expect(opened.status).toBe(201);
    const paused = await get(d.id);
    expect(paused.decisionDueAt).toBeUndefined();
    expect(paused.decisionClock.pausedAt).toBeDefined();
    expect(paused.deadlines.map((c: { kind: string }) => c.kind)).not.toContain('decision');
    await advance('P10D');
    const answered = await post(
      `/v1/dossiers/${d.id}/info-requests/${opened.json.requestId}/answer`,
      await t.candidate(d.companyId),
      { message: 'Ci-joint.' },
    );
    expect(answered.status).toBe(200);
    // v1.2 (API.md [1.2] « Decision clock »): the suspension counts whole Paris days — the raw
    // legal instant moves by the days between request and answer and stays at the end of its day
    expect(answered.json.decisionClock).toMatchObject({ state: 'running', suspendedDays: 10 });
    const rawBefore = new Date(d.receipt.decisionClock.legalDueAt as string).getTime();
    const raw = new Date(answered.json.decisionClock.legalDueAt).getTime();
    expect(Math.abs(raw - rawBefore - 10 * DAY)).toBeLessThanOrEqual(3_600_000); // a DST change may lie within
    expect(new Date(raw + 1).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' })).toBe('00:00:00');
    // the deadline shown is the raw instant on a working day (never a full six-month restart)
    const due = new Date(answered.json.decisionDueAt).getTime();
    expect(due).toBeGreaterThanOrEqual(raw);
    expect(due - raw).toBeLessThan(4 * DAY);
    expect(due - dueBefore.getTime()).toBeLessThan(15 * DAY);
    expect(answered.json.deadlines.find((c: { kind: string }) => c.kind === 'decision').dueAt).toBe(
      answered.json.decisionDueAt,
    );
  }, 120_000);
});

describe('3. silence never certifies while the convention waits for the company', () => {
  it('keeps the decision clock still in convention_pending, then resumes it on signature', async () => {
    const d = await instructed(820);
    await journey.passInsTestDay(http, d.id, d.candidate);
    const dueBefore = new Date(d.receipt.decisionDueAt as string).getTime();
    const done = await post(`/v1/dossiers/${d.id}/instruction/complete`, await t.instructor());
    expect(done.json.status).toBe('convention_pending');
    expect(done.json.deadlines.map((c: { kind: string }) => c.kind)).toEqual(['convention_signature']);
    // past the original decision deadline, within the six months of the convention's signature clock
    const past = Math.ceil((dueBefore - (await now()).getTime()) / DAY) + 5;
    await advance(`P${Math.min(past, 170)}D`);
    const waiting = await get(d.id);
    expect(waiting.status).toBe('convention_pending');
    expect(waiting.certificate).toBeUndefined();
    const signed = await post(`/v1/dossiers/${d.id}/convention/sign`, await t.candidate(d.companyId), {
      signatoryName: 'C. Martin',
    });
    expect(signed.json.status).toBe('college_pending');
    expect(new Date(signed.json.decisionDueAt).getTime()).toBeGreaterThan((await now()).getTime());
  }, 180_000);

  it('refuses an exceptional report once the regime is over (2024-12-31)', async () => {
    const d = await instructed(821);
    const exceptional = await post(`/v1/dossiers/${d.id}/instruction/complete`, await t.instructor(), {
      exceptional: true,
    });
    expect(exceptional.status).toBe(422);
    expect(exceptional.json.legalBasis).toContain('9 février 2024');
    expect((await get(d.id)).status).toBe('instruction');
  }, 120_000);
});

describe('4. legal effects first: a late timer changes nothing', () => {
  it('refuses a late answer with 409: the dossier is abandoned, even before its timer fires', async () => {
    const d = await instructed(830);
    const opened = await post(`/v1/dossiers/${d.id}/info-requests`, await t.instructor(), { missingItems: ['x'] });
    await lateTimerAfter(opened.json.dueAt as string);
    expect((await get(d.id)).status).toBe('instruction'); // the timer has not fired: reads do not act
    const late = await post(
      `/v1/dossiers/${d.id}/info-requests/${opened.json.requestId}/answer`,
      await t.candidate(d.companyId),
      {
        message: 'Trop tard',
      },
    );
    expect(late.status).toBe(409);
    expect(late.json.legalBasis).toContain('R.1470-2');
    const after = await get(d.id);
    expect(after.status).toBe('abandoned');
    expect(after.infoRequests[0].status).toBe('lapsed');
    await advance('PT1M'); // the timer fires at last: nothing more happens
    expect((await get(d.id)).version).toBe(after.version);
  }, 120_000);

  it('refuses a collège decision and an information request after the decision deadline', async () => {
    const d = await journey.readyForCollege(http, 831);
    const ready = await get(d.id);
    await lateTimerAfter(ready.decisionDueAt as string);
    const request = await post(`/v1/dossiers/${d.id}/info-requests`, await t.instructor(), { missingItems: ['x'] });
    expect(request.status).toBe(409);
    const certified = await get(d.id);
    expect(certified.status).toBe('certified');
    expect(certified.decision.outcome).toBe('tacit_acceptance');
    const decision = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), {
      decision: 'refused',
      reasons: ['trop tard'],
    });
    expect(decision.status).toBe(409);
    expect(decision.json.legalBasis).toContain('R.1470-4');
  }, 180_000);
});

describe('5. inadmissibility', () => {
  it('closes the candidature with reasons and means of appeal', async () => {
    const { candidate, companyId } = await journey.admissibleDossier(http, 840, 'company');
    // a second product of the same company, filed complete and submitted
    const created = await post('/v1/dossiers', candidate, candidatureBody('Autre produit'));
    const id = created.json.id as string;
    const doc = await upload(http, candidate, id, {});
    expect((await settled(http, candidate, id, doc.grant.json.uploadId)).status).toBe('received');
    const submitted = await post(`/v1/dossiers/${id}/submit`, candidate);
    expect(submitted.json, JSON.stringify(submitted.json)).toMatchObject({ status: 'admissibility_review' });
    const instructor = await t.instructor();
    const noReason = await post(`/v1/dossiers/${id}/admissibility`, instructor, { decision: 'inadmissible' });
    expect(noReason.status).toBe(400);
    const verdict = await post(`/v1/dossiers/${id}/admissibility`, instructor, {
      decision: 'inadmissible',
      reasons: ['Le produit n’est pas un SI de téléconsultation'],
    });
    expect(verdict.status).toBe(200);
    expect(verdict.json.status).toBe('inadmissible');
    const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token: candidate })).json;
    expect(dossier.decision).toMatchObject({
      outcome: 'inadmissible',
      appeal: expect.objectContaining({ text: expect.stringContaining('deux mois') }),
    });
    expect(dossier.deadlines).toEqual([]);
    const mail = (await mailTo('contact-e840@example.fr')).find((m) => m.subject.includes('irrecevabilité'));
    expect(mail?.text).toContain('Le produit n’est pas un SI de téléconsultation');
    expect(mail?.text).toContain('tribunal administratif');
    expect(companyId).toBeDefined();
  }, 120_000);
});

describe('6. a decision carries its appeal and its receipt is dated', () => {
  it('journals the acknowledgement once, quoting its journal event', async () => {
    const d = await journey.readyForCollege(http, 850);
    const early = await post(`/v1/dossiers/${d.id}/decision/acknowledge`, d.candidate);
    expect(early.status).toBe(409);
    await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const stranger = await journey.admissibleDossier(http, 851, 'company');
    expect((await post(`/v1/dossiers/${d.id}/decision/acknowledge`, stranger.candidate)).status).toBe(404);
    expect((await post(`/v1/dossiers/${d.id}/decision/acknowledge`, await t.instructor())).status).toBe(403);
    const ack = await post(`/v1/dossiers/${d.id}/decision/acknowledge`, d.candidate);
    expect(ack.status).toBe(200);
    expect(ack.json.decision).toMatchObject({
      outcome: 'certified',
      appeal: expect.objectContaining({ text: expect.stringContaining('recours contentieux') }),
      receivedAt: expect.any(String),
      receiptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const version = (await get(d.id)).version;
    const again = await post(`/v1/dossiers/${d.id}/decision/acknowledge`, d.candidate);
    expect(again.json.decision.receivedAt).toBe(ack.json.decision.receivedAt);
    expect((await get(d.id)).version).toBe(version);
    const mail = (await mailTo('contact-e850@example.fr')).find((m) =>
      m.subject.startsWith('Certificat de conformité'),
    );
    expect(mail?.text).toContain('Voies et délais de recours');
  }, 180_000);
});

describe('7. the INS test day may be waived, with a reason', () => {
  it('closes instruction favourably on a waiver', async () => {
    const d = await instructed(860);
    const instructor = await t.instructor();
    const bare = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, { outcome: 'waived' });
    expect(bare.status).toBe(400);
    const waived = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, {
      outcome: 'waived',
      comment: 'Les preuves INS couvrent tous les scénarios',
    });
    expect(waived.status).toBe(200);
    expect(waived.json.insTestDay.outcome).toBe('waived');
    const done = await post(`/v1/dossiers/${d.id}/instruction/complete`, instructor);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('convention_pending');
  }, 120_000);
});

describe('8. sanctions follow their procedure', () => {
  const certify = async (seed: number) => {
    const d = await journey.readyForCollege(http, seed);
    const decided = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    return { ...d, number: decided.json.certificate.number as string };
  };
  const inDays = async (days: number) => new Date((await now()).getTime() + days * DAY).toISOString();

  it('suspends only on an unremedied notice, and closes the notice it names', async () => {
    const { number } = await certify(870);
    const instructor = await t.instructor();
    const notice = await post(`/v1/certificates/${number}/formal-notice`, instructor, {
      nonConformities: ['INS'],
      respondBy: await inDays(30),
    });
    const noticeId = notice.json.life.formalNotices[0].id as string;
    expect(
      (await post(`/v1/certificates/${number}/formal-notice/close`, instructor, { noticeId: 'other' })).status,
    ).toBe(409);
    const closed = await post(`/v1/certificates/${number}/formal-notice/close`, instructor, { noticeId });
    expect(closed.json.status).toBe('valid');
    const suspend = await post(`/v1/certificates/${number}/suspend`, instructor, { reasons: ['INS'] });
    expect(suspend.status).toBe(409);
    expect(suspend.json.legalBasis).toContain('R.1470-9');
    const fault = await post(`/v1/certificates/${number}/terminate`, instructor, {
      ground: 'fault',
      faultCase: 'no_longer_compliant',
      reason: 'Non conforme',
    });
    expect(fault.status).toBe(409);
  }, 180_000);

  it('terminates for fraud only after the observations were heard or their time ran out', async () => {
    const { number, companyId } = await certify(871);
    const instructor = await t.instructor();
    const noLimit = await post(`/v1/certificates/${number}/observations-notice`, instructor, { facts: 'Fraude' });
    expect(noLimit.status).toBe(400);
    const notice = await post(`/v1/certificates/${number}/observations-notice`, instructor, {
      facts: 'Déclaration inexacte',
      respondBy: await inDays(16), // at least 15 days (API.md [1.2])
    });
    expect(notice.status).toBe(200);
    const fraud = { ground: 'fraud', reason: 'Fraude avérée' };
    const early = await post(`/v1/certificates/${number}/terminate`, instructor, fraud);
    expect(early.status).toBe(409);
    const candidate = await t.candidate(companyId);
    const heard = await post(`/v1/certificates/${number}/observations`, candidate, { text: 'Nos observations' });
    expect(heard.status).toBe(200);
    const terminated = await post(`/v1/certificates/${number}/terminate`, instructor, fraud);
    expect(terminated.status).toBe(200);
    expect(terminated.json.status).toBe('terminated');
  }, 180_000);
});

describe('9. renewal obligations apply, and the term runs from the signature', () => {
  it('ends a certificate not renewed by the date, after reminders; its term counts from the signature', async () => {
    const d = await journey.readyForCollege(http, 880);
    const signedAt = (await get(d.id)).convention.signedAt as string;
    await advance('P3D');
    const decided = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = decided.json.certificate.number as string;
    const term = decided.json.certificate.conventionTermAt as string;
    const parisDate = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    const signedDay = parisDate(signedAt);
    // five years from the signature's day, not from the grant three days later
    expect(parisDate(term)).toBe(`${Number(signedDay.slice(0, 4)) + 5}${signedDay.slice(4)}`);

    const by = new Date((await now()).getTime() + 100 * DAY).toISOString().slice(0, 10);
    const csv =
      'section_id;section_title;requirement_id;title;description;profiles;sensitive;expected_evidence\nins;INS;INS-01;Traits;d;general;non;x\n';
    const imported = await post('/v1/referentials', await t.admin(), {
      version: '1.6.0',
      format: 'csv',
      content: Buffer.from(csv).toString('base64'),
      renewalRequiredBy: by,
    });
    expect(imported.status).toBe(201);
    await advance('P101D');
    const pub = await http.call('GET', `/v1/public/certificates/${number}`);
    expect(pub.json.status).toBe('expired');
    const life = (await http.call('GET', `/v1/certificates/${number}`, { token: await t.instructor() })).json.life;
    expect(life.ended.reason).toContain(by);
    const subjects = (await mailTo('contact-e880@example.fr')).map((m) => m.subject);
    const reminders = subjects.filter((s) => s.startsWith('Candidature de renouvellement à déposer'));
    expect(reminders).toHaveLength(3); // two months, fifteen days, three days before
    expect(subjects).toEqual(expect.arrayContaining([expect.stringContaining(`Fin du certificat ${number}`)]));
  }, 180_000);
});

describe('the published contract', () => {
  it('documents the v1.1 routes, bodies and decision shape in the OpenAPI document', async () => {
    const doc = (await http.call('GET', '/v1/openapi.json')).json;
    expect(doc.info.version).toBe('1.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/v1/dossiers/{id}/decision/acknowledge', '/v1/certificates/{number}/observations']),
    );
    const admissibility = doc.paths['/v1/dossiers/{id}/admissibility'].post.requestBody.content['application/json'];
    expect(admissibility.schema.properties.decision.enum).toContain('inadmissible');
    const report = doc.paths['/v1/dossiers/{id}/instruction/complete'].post.requestBody.content['application/json'];
    expect(report.schema.properties.outcome.enum).toEqual(['favourable', 'unfavourable']);
    expect(doc.components.schemas.Decision.required).toEqual(expect.arrayContaining(['outcome', 'appeal']));
    expect(doc.components.schemas.Problem.properties.legalBasis).toBeDefined();
  });
});
