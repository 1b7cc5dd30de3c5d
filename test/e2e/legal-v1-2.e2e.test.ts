import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, companyBody, person, siret, PLANNED_COMPLETE_PROOF_DATE } from '../support/api-client';
import * as journey from '../support/journeys';
import { startTestStack, useLocalStack, type TestStack } from '../support/local-stack';
import { pdf, settled, sha256, upload } from '../support/uploads';

/**
 * Contract v1.2 at the edges of the law (issue 22): each `describe` is one numbered point of the
 * issue, over HTTP against the stack as `npm start` runs it, its clock pinned.
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const get = async (id: string) => (await http.call('GET', `/v1/dossiers/${id}`, { token: await t.instructor() })).json;
const post = async (path: string, token: string, body?: unknown) =>
  http.call('POST', path, { token, ...(body !== undefined ? { body } : {}) });
/** moves the virtual clock to `instant` without firing any timer: a late wake-up, as in AWS */
const holdTimersUntil = (instant: number) =>
  http.call('POST', '/_local/clock', { body: { to: new Date(instant).toISOString(), timers: 'hold' } });

describe('3. an upload applies the legal effects due before it settles', () => {
  it('rejects a file granted before the inactivity deadline that lands after it, and never revives the dossier', async () => {
    const d = await journey.admissibleDossier(http, 2201, 'company');
    const due = Date.parse((await get(d.id)).deadlines[0].dueAt);
    await holdTimersUntil(due - 5 * 60_000);
    const file = pdf('preuve tardive');
    // a token minted at the new instant: the one from months ago has expired (virtual time)
    const candidate = await t.candidate(d.companyId);
    const grant = await post(`/v1/dossiers/${d.id}/uploads`, candidate, {
      purpose: 'proof',
      requirementId: 'TLC-01',
      fileName: 'preuve.pdf',
      contentType: 'application/pdf',
      size: file.length,
      sha256: sha256(file),
    });
    expect(grant.status).toBe(201);
    // the timer is late (held); the file lands 5 minutes after the legal instant
    await holdTimersUntil(due + 5 * 60_000);
    const put = await fetch(grant.json.url, { method: 'PUT', headers: grant.json.headers, body: file });
    expect(put.status).toBe(200);
    let upload: { status: string; rejectedReason?: string } | undefined;
    for (let i = 0; i < 100 && (!upload || upload.status === 'pending'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      upload = (await get(d.id)).uploads.find((u: { id: string }) => u.id === grant.json.uploadId);
    }
    expect(upload).toMatchObject({ status: 'rejected', rejectedReason: 'the dossier is abandoned' });
    const dossier = await get(d.id);
    expect(dossier).toMatchObject({ status: 'abandoned', closedAt: new Date(due + 1).toISOString(), deadlines: [] });
  });
});

describe('14. the INS test day: held on a day, its outcome changed only with a new day', () => {
  it('stops the 4-week clock once a day is organised, records heldOn, and refuses a second outcome', async () => {
    const d = await journey.admissibleDossier(http, 2214, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    const instructor = await t.instructor();
    const today = await journey.todayInParis(http);
    const early = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, { outcome: 'passed' });
    expect(early.status).toBe(409);
    expect((await post(`/v1/dossiers/${d.id}/ins-test-day`, d.candidate, { proposedDate: today })).status).toBe(200);
    expect((await get(d.id)).deadlines.map((c: { kind: string }) => c.kind)).not.toContain('ins_test_day');
    const future = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, {
      outcome: 'failed',
      heldOn: '2099-01-01',
    });
    expect(future.status).toBe(422);
    expect(future.json.errors[0].path).toBe('heldOn');
    const failed = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, { outcome: 'failed' });
    expect(failed.status).toBe(200);
    expect(failed.json.insTestDay).toMatchObject({ outcome: 'failed', heldOn: today });
    const before = await get(d.id);
    const changed = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, { outcome: 'passed' });
    expect(changed.status).toBe(409);
    expect((await get(d.id)).version).toBe(before.version); // nothing changed
    expect((await post(`/v1/dossiers/${d.id}/ins-test-day`, d.candidate, { proposedDate: today })).status).toBe(200);
    const passed = await post(`/v1/dossiers/${d.id}/ins-test-day/outcome`, instructor, { outcome: 'passed' });
    expect(passed.json.insTestDay).toMatchObject({ outcome: 'passed', previous: [{ outcome: 'failed' }] });
  });
});

describe('12. the public list: no formal notice is published, ended certificates on request', () => {
  it('shows a certificate under formal notice as valid, and a terminated one only with ?status=terminated', async () => {
    const d = await journey.readyForCollege(http, 2212);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const instructor = await t.instructor();
    const respondBy = new Date(Date.parse((await http.call('GET', '/_local/clock')).json.now) + 30 * 86_400_000);
    const notice = await post(`/v1/certificates/${number}/formal-notice`, instructor, {
      nonConformities: ['Traits INS non affichés'],
      respondBy: respondBy.toISOString(),
    });
    expect(notice.json.status).toBe('formal_notice');
    expect((await http.call('GET', `/v1/public/certificates/${number}`)).json.status).toBe('valid');
    const listed = (await http.call('GET', '/v1/public/certificates')).json.items;
    expect(listed.find((c: { number: string }) => c.number === number)).toMatchObject({ status: 'valid' });
    const csv = await http.call('GET', '/v1/public/certificates', { headers: { accept: 'text/csv' } });
    expect(csv.text).not.toContain('formal_notice');

    const terminated = await post(`/v1/certificates/${number}/terminate`, instructor, {
      ground: 'by_operation_of_law',
      reason: 'Cessation d’activité de l’éditeur',
    });
    expect(terminated.status).toBe(200);
    const current = (await http.call('GET', '/v1/public/certificates')).json.items;
    expect(current.map((c: { number: string }) => c.number)).not.toContain(number);
    const ended = (await http.call('GET', '/v1/public/certificates?status=terminated')).json.items;
    expect(ended.map((c: { number: string; status: string }) => [c.number, c.status])).toContainEqual([
      number,
      'terminated',
    ]);
    const bad = await http.call('GET', '/v1/public/certificates?status=formal_notice');
    expect(bad.status).toBe(400);
  });
});

describe('13. the collège’s agenda in Paris time, the most urgent deadline first', () => {
  it('names the next Thursday session and, for each dossier, its deadline and the last session in time', async () => {
    const first = await journey.readyForCollege(http, 2213);
    const second = await journey.readyForCollege(http, 2223);
    const agenda = await http.call('GET', '/v1/college/agenda?limit=100', { token: await t.college() });
    expect(agenda.status).toBe(200);
    const now = new Date((await http.call('GET', '/_local/clock')).json.now as string);
    const session = new Date(`${agenda.json.session}T12:00:00Z`);
    expect(session.getUTCDay()).toBe(4); // a Thursday
    expect(session.getTime() - now.getTime()).toBeLessThan(8 * 86_400_000);
    const items = agenda.json.items as { dossierId: string; decisionDueAt: string; lastSessionBefore: string }[];
    const dues = items.map((i) => i.decisionDueAt);
    expect([...dues].sort()).toEqual(dues); // ordered by decision deadline
    for (const id of [first.id, second.id]) {
      const item = items.find((i) => i.dossierId === id)!;
      expect(item.decisionDueAt).toBe((await get(id)).decisionDueAt);
      const last = new Date(`${item.lastSessionBefore}T12:00:00Z`);
      expect(last.getUTCDay()).toBe(4);
      // the deadline is the end of a Paris day (whole days, API.md [1.2]), and the session is on or before it
      expect(
        new Date(Date.parse(item.decisionDueAt) + 1).toLocaleTimeString('fr-FR', { timeZone: 'Europe/Paris' }),
      ).toBe('00:00:00');
      const dueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
        new Date(item.decisionDueAt),
      );
      expect(item.lastSessionBefore <= dueDay).toBe(true);
      expect(Date.parse(item.decisionDueAt) - last.getTime()).toBeLessThan(8 * 86_400_000);
    }
  });
});

describe('6. a complete file is never abandoned by a timer', () => {
  it('reminds the company of the unsigned convention; past six months an instructor may close it, with reasons', async () => {
    const d = await journey.admissibleDossier(http, 2206, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    await journey.reviewAll(http, d.id);
    await journey.passInsTestDay(http, d.id, d.candidate);
    const sent = await post(`/v1/dossiers/${d.id}/instruction/complete`, await t.instructor());
    expect(sent.json.status).toBe('convention_pending');
    expect(sent.json.deadlines.map((c: { kind: string }) => c.kind)).toEqual(['convention_signature']);
    const signBy = Date.parse(sent.json.deadlines[0].dueAt);
    const early = await post(`/v1/dossiers/${d.id}/abandon`, await t.instructor(), { reasons: ['Non signée'] });
    expect(early.status).toBe(409);
    // seven months on, timers firing on the way: reminders went out, nothing else happened
    await http.call('POST', '/_local/clock', { body: { to: new Date(signBy + 30 * 86_400_000).toISOString() } });
    expect((await get(d.id)).status).toBe('convention_pending');
    const mails = (await http.call('GET', '/_local/mail')).json.items as { subject: string; text: string }[];
    // a mail names the dossier by its reference (CAND-…), the one people read
    const reference = (await get(d.id)).reference as string;
    const reminders = mails.filter(
      (m) => m.text.includes(reference) && m.text.includes('délai de signature de la convention'),
    );
    expect(reminders.length).toBe(5); // monthly: 150, 120, 90, 60 and 30 days before the six months
    expect(reminders[0]!.text).toContain('Merci de faire signer la convention');
    const instructor = await t.instructor();
    const bare = await post(`/v1/dossiers/${d.id}/abandon`, instructor, { reasons: [] });
    expect(bare.status).toBe(400);
    const forbidden = await post(`/v1/dossiers/${d.id}/abandon`, await t.candidate(d.companyId), { reasons: ['x'] });
    expect(forbidden.status).toBe(403);
    const closed = await post(`/v1/dossiers/${d.id}/abandon`, instructor, { reasons: ['Convention non signée'] });
    expect(closed.status).toBe(200);
    expect(closed.json).toMatchObject({
      status: 'abandoned',
      closedReason: 'convention_not_signed',
      closure: { reasons: ['Convention non signée'] },
    });
  });
});

describe('4. sanctions follow their procedure: reasons, reasonable time limits, a lapse that does not count for ever', () => {
  it('refuses a 1-minute notice and a sanction without reasons, mails reasons and appeal, reinstates only once remedied', async () => {
    const d = await journey.readyForCollege(http, 2204);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const instructor = await t.instructor();
    const clock = async () => Date.parse((await http.call('GET', '/_local/clock')).json.now as string);
    const minute = await post(`/v1/certificates/${number}/formal-notice`, instructor, {
      nonConformities: ['INS'],
      respondBy: new Date((await clock()) + 60_000).toISOString(),
    });
    expect(minute.status).toBe(422);
    expect(minute.json.errors[0].path).toBe('respondBy');
    const notice = await post(`/v1/certificates/${number}/formal-notice`, instructor, {
      nonConformities: ['Traits INS non affichés'],
      respondBy: new Date((await clock()) + 20 * 86_400_000).toISOString(),
    });
    expect(notice.status).toBe(200);
    const bare = await post(`/v1/certificates/${number}/suspend`, instructor, {});
    expect(bare.status).toBe(400);
    const suspended = await post(`/v1/certificates/${number}/suspend`, instructor, {
      reasons: ['Traits INS non affichés', 'Risque d’identitovigilance'],
    });
    expect(suspended.status).toBe(200);
    expect(suspended.json.life.acts[0]).toMatchObject({
      kind: 'suspended',
      reasons: ['Traits INS non affichés', 'Risque d’identitovigilance'],
    });
    const mails = (await http.call('GET', `/_local/mail?to=contact-e2204@example.fr`)).json.items as { text: string }[];
    const notified = mails.find((m) =>
      m.text.includes('Motifs : Traits INS non affichés ; Risque d’identitovigilance.'),
    );
    expect(notified?.text).toContain('tribunal administratif');
    const tooSoon = await post(`/v1/certificates/${number}/reinstate`, instructor, {});
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.json.legalBasis).toContain('R.1470-9');
    // the notice lapses unremedied; seven months later it no longer supports a withdrawal
    await http.call('POST', '/_local/clock', {
      body: { to: new Date((await clock()) + 230 * 86_400_000).toISOString() },
    });
    const stale = await post(`/v1/certificates/${number}/withdraw`, await t.instructor(), { reasons: ['Non levée'] });
    expect(stale.status).toBe(409);
  });
});

describe('8. an exceptional report whose regime ends before the collège sits', () => {
  let stack: TestStack;
  let h: ReturnType<typeof api>;
  beforeAll(async () => {
    // the regime ends on 31 January 2027, within the procedure (the shared stack's ended in 2024)
    stack = await startTestStack({ env: { EXCEPTIONAL_CERTIFICATE_EXPIRES_ON: '2027-01-31' } });
    h = api(stack.url);
  }, 120_000);
  afterAll(() => stack?.dispose(), 60_000);

  it('grants a regular certificate when the whole file is compliant, and takes no number for a refused grant', async () => {
    const k = journey.tokens(h);
    const partial = await journey.admissibleDossier(h, 2208, 'company', { commitment: true });
    const whole = await journey.admissibleDossier(h, 2218, 'company', { commitment: true });
    for (const d of [partial, whole]) await journey.completeFile(h, d.id, d.candidate);
    // the exceptional report rests on the core domains: the partial file has only those judged
    await journey.reviewAll(h, partial.id, ['TLC-01', 'PEN-01', 'PEN-02', 'DMP-01', 'MSS-01', 'HDS-01', 'TLC-02']);
    await journey.reviewAll(h, whole.id);
    for (const d of [partial, whole]) {
      await journey.passInsTestDay(h, d.id, d.candidate);
      const report = await h.call('POST', `/v1/dossiers/${d.id}/instruction/complete`, {
        token: await k.instructor(),
        body: { exceptional: true },
      });
      expect(report.json).toMatchObject({ status: 'convention_pending', exceptional: true });
      const signed = await h.call('POST', `/v1/dossiers/${d.id}/convention/sign`, {
        token: await k.candidate(d.companyId),
        body: { signatoryName: 'C. Martin' },
      });
      expect(signed.json.status).toBe('college_pending');
    }
    await h.call('POST', '/_local/clock', { body: { to: '2027-02-02T09:00:00+01:00' } });
    const college = await k.college();
    const refused = await h.call('POST', `/v1/dossiers/${partial.id}/college-decision`, {
      token: college,
      body: { decision: 'certified' },
    });
    expect(refused.status).toBe(422);
    expect(refused.json.errors.map((e: { path: string }) => e.path)).toContain('requirements.DMP-01');
    const granted = await h.call('POST', `/v1/dossiers/${whole.id}/college-decision`, {
      token: college,
      body: { decision: 'certified' },
    });
    expect(granted.status).toBe(200);
    expect(granted.json.certificate.number).toMatch(/^TLC-2027-000001$/);
    expect(granted.json.certificate.exceptionalExpiresAt).toBeUndefined();
  });
});

describe('15. an answer carries its files, at any stage where a request is open', () => {
  it('takes files deposited for the request during instruction and joins them to the answer', async () => {
    const d = await journey.admissibleDossier(http, 2215, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    const opened = await post(`/v1/dossiers/${d.id}/info-requests`, await t.instructor(), {
      missingItems: ['Attestation HDS à jour'],
    });
    const requestId = opened.json.requestId as string;
    const candidate = await t.candidate(d.companyId);
    const file = pdf('attestation HDS');
    const body = {
      purpose: 'answer',
      fileName: 'attestation.pdf',
      contentType: 'application/pdf',
      size: file.length,
      sha256: sha256(file),
    };
    expect((await post(`/v1/dossiers/${d.id}/uploads`, candidate, body)).status).toBe(400); // no requestId
    const grant = await post(`/v1/dossiers/${d.id}/uploads`, candidate, { ...body, requestId });
    expect(grant.status).toBe(201);
    await fetch(grant.json.url, { method: 'PUT', headers: grant.json.headers, body: file });
    let settled: { status: string } | undefined;
    for (let i = 0; i < 100 && (!settled || settled.status === 'pending'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      settled = (await get(d.id)).uploads.find((u: { id: string }) => u.id === grant.json.uploadId);
    }
    expect(settled?.status).toBe('received');
    const answered = await post(`/v1/dossiers/${d.id}/info-requests/${requestId}/answer`, candidate, {
      message: 'Attestation jointe',
      uploadIds: [grant.json.uploadId],
    });
    expect(answered.status).toBe(200);
    expect(answered.json.infoRequests[0]).toMatchObject({ status: 'answered', answerUploadIds: [grant.json.uploadId] });
  });
});

describe('9. a substantial change ANS records has its effect: a renewal by a date', () => {
  it('sets the date the holder must renew by, for ANS only, and mails what was found', async () => {
    const d = await journey.readyForCollege(http, 2209);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const now = new Date((await http.call('GET', '/_local/clock')).json.now as string);
    const requiredBy = new Date(now.getTime() + 120 * 86_400_000).toISOString().slice(0, 10);
    const body = {
      requiredBy,
      reason: 'substantial_change',
      details: 'Module de prescription ajouté sans déclaration',
    };
    const byCandidate = await post(`/v1/certificates/${number}/renewal-required`, await t.candidate(d.companyId), body);
    expect(byCandidate.status).toBe(403);
    const required = await post(`/v1/certificates/${number}/renewal-required`, await t.instructor(), body);
    expect(required.status).toBe(200);
    expect(required.json.life).toMatchObject({ renewalRequiredBy: requiredBy, renewalReason: 'substantial_change' });
    const mails = (await http.call('GET', '/_local/mail?to=contact-e2209@example.fr')).json.items as { text: string }[];
    expect(mails.some((m) => m.text.includes('Module de prescription ajouté sans déclaration'))).toBe(true);
  });
});

describe('2 and 10. notifications with a certain date of receipt; time limits from receipt', () => {
  const DAY = 86_400_000;
  it('counts a request’s 60 days from its opening, deems receipt after 15 days, and the appeal from receipt', async () => {
    const d = await journey.admissibleDossier(http, 2202, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    const instructor = await t.instructor();
    const opened = await post(`/v1/dossiers/${d.id}/info-requests`, instructor, { missingItems: ['attestation HDS'] });
    expect(opened.status).toBe(201);
    const issued = await get(d.id);
    const n = issued.notifications.find((x: { kind: string }) => x.kind === 'info_request');
    expect(n).toMatchObject({ receipt: null, subjectId: issued.infoRequests[0].id });
    expect(Date.parse(n.deemedReceivedAt) - Date.parse(n.issuedAt)).toBe(15 * DAY);
    const latest = issued.infoRequests[0].dueAt;
    // another company never sees it; the instructor cannot open it in the company's name
    const stranger = await journey.admissibleDossier(http, 2203, 'company');
    expect((await post(`/v1/dossiers/${d.id}/notifications/${n.id}/open`, stranger.candidate)).status).toBe(404);
    expect((await post(`/v1/dossiers/${d.id}/notifications/${n.id}/open`, instructor)).status).toBe(403);
    await holdTimersUntil(Date.parse(n.issuedAt) + 2 * DAY);
    const candidate = await t.candidate(d.companyId);
    const read = await post(`/v1/dossiers/${d.id}/notifications/${n.id}/open`, candidate);
    expect(read.status).toBe(200);
    expect(read.json.receipt).toBe('opened');
    const at = Date.parse(read.json.receivedAt);
    expect(at - Date.parse(n.issuedAt)).toBeGreaterThanOrEqual(2 * DAY);
    expect(at - Date.parse(n.issuedAt)).toBeLessThan(2 * DAY + 60_000); // the virtual clock runs on
    const after = await get(d.id);
    // the exact deadline now, 13 days before the latest possible one (give or take a weekend's shift)
    const earlier = Date.parse(latest) - Date.parse(after.infoRequests[0].dueAt);
    expect(earlier).toBeGreaterThan(10 * DAY);
    expect(earlier).toBeLessThan(16 * DAY);
    expect(after.deadlines.find((c: { kind: string }) => c.kind === 'info_request').dueAt).toBe(
      after.infoRequests[0].dueAt,
    );
    const again = await post(`/v1/dossiers/${d.id}/notifications/${n.id}/open`, candidate);
    expect(again.json.receivedAt).toBe(read.json.receivedAt);
    const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: candidate });
    const types = journal.json.items.map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'notification_received')).toHaveLength(1);
    expect(types).toContain('notification_issued');
  });

  it('refuses: the decision’s notification is deemed received, and the appeal runs two months from then', async () => {
    const d = await journey.readyForCollege(http, 2232);
    const college = await t.college();
    const refused = await post(`/v1/dossiers/${d.id}/college-decision`, college, {
      decision: 'refused',
      reasons: ['exigence TLC-01 non satisfaite'],
    });
    expect(refused.status).toBe(200);
    expect(refused.json.decision.appeal).toMatchObject({ period: 'P2M', text: expect.stringContaining('deux mois') });
    const issued = (await get(d.id)).notifications.find((x: { kind: string }) => x.kind === 'decision');
    expect(issued.receipt).toBeNull();
    await holdTimersUntil(Date.parse(issued.deemedReceivedAt) + DAY);
    const dossier = await get(d.id);
    const n = dossier.notifications.find((x: { id: string }) => x.id === issued.id);
    expect(n).toMatchObject({ receipt: 'deemed', receivedAt: issued.deemedReceivedAt });
    expect(dossier.decision.receivedAt).toBe(issued.deemedReceivedAt);
    expect(Date.parse(dossier.decision.appeal.until)).toBeGreaterThan(Date.parse(issued.deemedReceivedAt) + 58 * DAY);
    // acknowledging afterwards keeps the first receipt
    const ack = await post(`/v1/dossiers/${d.id}/decision/acknowledge`, await t.candidate(d.companyId));
    expect(ack.json.decision.receivedAt).toBe(issued.deemedReceivedAt);
  });

  it('never deems received what reached nobody: ANS records the receipt, and the 60 days run from it', async () => {
    const bounce = { email: 'bounce@simulator.amazonses.com' };
    const d = await journey.admissibleDossier(
      http,
      2205,
      'company',
      {},
      {
        contact: { ...person('contact-2205'), ...bounce },
        legalRepresentative: { ...person('rep-2205'), ...bounce },
      },
    );
    await journey.completeFile(http, d.id, d.candidate);
    let instructor = await t.instructor();
    expect((await post(`/v1/dossiers/${d.id}/info-requests`, instructor, { missingItems: ['Kbis'] })).status).toBe(201);
    let dossier = await get(d.id);
    for (let i = 0; i < 100 && (dossier.undeliverable?.length ?? 0) < 2; i++) {
      await http.call('GET', '/_local/mail'); // drains the outbox: SES's simulator bounces it
      await new Promise((r) => setTimeout(r, 50));
      dossier = await get(d.id);
    }
    const n = dossier.notifications.find((x: { kind: string }) => x.kind === 'info_request');
    expect(n.deemedReceivedAt).toBeNull();
    await holdTimersUntil(Date.parse(n.issuedAt) + 90 * DAY);
    dossier = await get(d.id);
    expect(dossier.status).toBe('instruction');
    expect(dossier.deadlines.map((c: { kind: string }) => c.kind)).not.toContain('info_request');
    instructor = await t.instructor(); // a token of the new instant
    const receivedAt = new Date(Date.parse(n.issuedAt) + 80 * DAY).toISOString();
    const wrong = await post(`/v1/dossiers/${d.id}/notifications/${n.id}/receipt`, instructor, {
      receivedAt: '2020-01-01T00:00:00Z',
      means: 'LRAR',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.json.errors[0].path).toBe('receivedAt');
    // nothing recorded (the legal effects due meanwhile, the INS day flagged late, are another matter)
    expect((await get(d.id)).notifications.find((x: { id: string }) => x.id === n.id)).toEqual(n);
    const recorded = await post(`/v1/dossiers/${d.id}/notifications/${n.id}/receipt`, instructor, {
      receivedAt,
      means: 'Lettre recommandée avec accusé de réception',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.json).toMatchObject({ receipt: 'recorded', receivedAt });
    const running = (await get(d.id)).deadlines.find((c: { kind: string }) => c.kind === 'info_request');
    expect(Date.parse(running.dueAt)).toBeGreaterThan(Date.parse(receivedAt) + 59 * DAY);
  });
});

describe('1 and 9. renewal by application: submitted by the date, the certificate stays valid until it ends', () => {
  const DAY = 86_400_000;
  it('keeps the certificate valid past the date while the renewal is instructed, and ends it with the renewal', async () => {
    const d = await journey.readyForCollege(http, 2231);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const now = Date.parse((await http.call('GET', '/_local/clock')).json.now as string);
    const requiredBy = new Date(now + 40 * DAY).toISOString().slice(0, 10);
    const required = await post(`/v1/certificates/${number}/renewal-required`, await t.instructor(), {
      requiredBy,
      reason: 'substantial_change',
      details: 'Nouvelle version majeure de la plateforme',
    });
    expect(required.status).toBe(200);
    expect(required.json.renewal).toEqual({ requiredBy, reason: 'substantial_change' });
    expect(required.json.notifications.map((n: { kind: string }) => n.kind)).toContain('renewal_required');
    // the holder applies: a renewal candidature, submitted before the date
    const candidate = await t.candidate(d.companyId);
    const renewal = await post(`/v1/certificates/${number}/renewal-candidature`, candidate, { productVersion: '2.0' });
    expect(renewal.status).toBe(201);
    const doc = await upload(http, candidate, renewal.json.id, {});
    expect((await settled(http, candidate, renewal.json.id, doc.grant.json.uploadId)).status).toBe('received');
    expect((await post(`/v1/dossiers/${renewal.json.id}/submit`, candidate)).status).toBe(200);
    const read = async () =>
      (await http.call('GET', `/v1/certificates/${number}`, { token: await t.candidate(d.companyId) })).json;
    expect((await read()).renewal).toMatchObject({ requiredBy, dossierId: renewal.json.id });
    // the date passes while ANS examines it: the certificate stays valid, publicly too
    await http.call('POST', '/_local/clock', { body: { to: new Date(now + 60 * DAY).toISOString() } });
    expect((await read()).status).toBe('valid');
    const verified = await http.call('GET', `/v1/public/certificates/${number}`);
    expect(verified.json.status).toBe('valid');
    // the holder withdraws its renewal: the certificate ends now, the reason naming it
    const withdrawn = await post(`/v1/dossiers/${renewal.json.id}/withdraw`, await t.candidate(d.companyId));
    expect(withdrawn.status).toBe(200);
    let ended = await read();
    for (let i = 0; i < 50 && ended.status !== 'expired'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      ended = await read();
    }
    expect(ended.status).toBe('expired');
    expect(ended.life.ended.reason).toContain(renewal.json.id);
    expect(ended.notifications.map((n: { kind: string }) => n.kind)).toContain('expiry');
  });

  it('ends a certificate nobody applied for at the end of the day required', async () => {
    const d = await journey.readyForCollege(http, 2233);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const now = Date.parse((await http.call('GET', '/_local/clock')).json.now as string);
    const requiredBy = new Date(now + 40 * DAY).toISOString().slice(0, 10);
    await post(`/v1/certificates/${number}/renewal-required`, await t.instructor(), {
      requiredBy,
      reason: 'substantial_change',
      details: 'Hébergeur changé',
    });
    await http.call('POST', '/_local/clock', { body: { to: new Date(now + 45 * DAY).toISOString() } });
    const c = (await http.call('GET', `/v1/certificates/${number}`, { token: await t.instructor() })).json;
    expect(c.status).toBe('expired');
    expect(c.life.ended.reason).toContain(`not applied for renewal by ${requiredBy}`);
  });
});

describe('7. silence gives a certificate with its convention, and a grant on a file found wanting may be withdrawn', () => {
  const DAY = 86_400_000;
  it('sends the convention after a tacit acceptance; the term runs from the signature', async () => {
    const d = await journey.admissibleDossier(http, 2271, 'company');
    const { last } = await journey.completeFile(http, d.id, d.candidate);
    await http.call('POST', '/_local/clock', {
      body: { to: new Date(Date.parse(last.json.decisionDueAt) + DAY).toISOString() },
    });
    const certified = await get(d.id);
    expect(certified.decision.outcome).toBe('tacit_acceptance');
    expect(certified.convention).toMatchObject({ status: 'awaiting_signature' });
    const number = certified.certificate.number as string;
    let candidate = await t.candidate(d.companyId);
    const before = (await http.call('GET', `/v1/certificates/${number}`, { token: candidate })).json;
    expect(before.tacitReview).toBeUndefined(); // a clean file: nothing to review
    await http.call('POST', '/_local/clock', {
      body: { to: new Date(Date.parse(last.json.decisionDueAt) + 10 * DAY).toISOString() },
    });
    candidate = await t.candidate(d.companyId); // a token of the new instant
    const other = await post(`/v1/dossiers/${d.id}/convention/sign`, candidate, {
      signatoryName: 'Camille Martin',
      productVersion: '9.9',
    });
    expect(other.status).toBe(422);
    const signed = await post(`/v1/dossiers/${d.id}/convention/sign`, candidate, { signatoryName: 'Camille Martin' });
    expect(signed.status).toBe(200);
    expect(signed.json.convention).toMatchObject({ status: 'signed', signatoryName: 'Camille Martin' });
    const after = (await http.call('GET', `/v1/certificates/${number}`, { token: candidate })).json;
    expect(Date.parse(after.life.conventionTermAt) - Date.parse(before.life.conventionTermAt)).toBeGreaterThan(8 * DAY);
    expect(
      (await post(`/v1/dossiers/${d.id}/convention/sign`, candidate, { signatoryName: 'Camille Martin' })).status,
    ).toBe(409);
  });

  it('flags a grant by silence after an unfavourable report, and withdraws it only once the company was heard', async () => {
    const d = await journey.admissibleDossier(http, 2272, 'company');
    await journey.completeFile(http, d.id, d.candidate);
    const instructor = await t.instructor();
    const report = await post(`/v1/dossiers/${d.id}/instruction/complete`, instructor, {
      outcome: 'unfavourable',
      nonConformities: ['TLC-01 : traits INS absents'],
    });
    expect(report.status).toBe(200);
    const dueAt = (await get(d.id)).decisionDueAt as string;
    await http.call('POST', '/_local/clock', { body: { to: new Date(Date.parse(dueAt) + DAY).toISOString() } });
    const certified = await get(d.id);
    expect(certified.decision.outcome).toBe('tacit_acceptance');
    const number = certified.certificate.number as string;
    const ans = await t.instructor();
    const c = (await http.call('GET', `/v1/certificates/${number}`, { token: ans })).json;
    expect(c.tacitReview.grounds[0]).toContain('rapport d’instruction défavorable');
    expect(Date.parse(c.tacitReview.until) - Date.parse(c.grantedAt)).toBeGreaterThan(119 * DAY);
    const withdrawal = { reasons: ['Exigence TLC-01 non satisfaite'], basis: 'L242-1' };
    const unheard = await post(`/v1/certificates/${number}/withdraw`, ans, withdrawal);
    expect(unheard.status).toBe(409);
    expect(unheard.json.legalBasis).toContain('L242-1');
    const now = Date.parse((await http.call('GET', '/_local/clock')).json.now as string);
    const notice = await post(`/v1/certificates/${number}/observations-notice`, ans, {
      facts: 'Acceptation tacite d’un dossier au rapport défavorable',
      respondBy: new Date(now + 20 * DAY).toISOString(),
    });
    expect(notice.status).toBe(200);
    expect(notice.json.notifications.map((n: { kind: string }) => n.kind)).toContain('observations_notice');
    await http.call('POST', '/_local/clock', { body: { to: new Date(now + 21 * DAY).toISOString() } });
    const withdrawn = await post(`/v1/certificates/${number}/withdraw`, await t.instructor(), withdrawal);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', life: { ended: { ground: 'L242-1' } } });
    expect(withdrawn.json.notifications.map((n: { kind: string }) => n.kind)).toContain('withdrawal');
  });
});

describe('15. at admissibility, the company corrects the fields the request names', () => {
  it('lets a PATCH change the named fields while the request is open, and nothing else', async () => {
    const d = await journey.submittedDossier(http, 2291, 'company');
    const instructor = await t.instructor();
    const incomplete = await post(`/v1/dossiers/${d.id}/admissibility`, instructor, {
      decision: 'incomplete',
      missingItems: ['Le NIE indiqué n’est pas celui du CNDA'],
      fields: ['nie'],
    });
    expect(incomplete.status).toBe(200);
    const before = await get(d.id);
    expect(before.infoRequests[0].fields).toEqual(['nie']);
    const patch = (body: unknown) =>
      http.call('PATCH', `/v1/dossiers/${d.id}`, { token: d.candidate, headers: { 'if-match': '*' }, body });
    const other = await patch({ nie: 'NIE-2', nil: 'NIL-9' });
    expect(other.status).toBe(422);
    expect(other.json.errors).toEqual([expect.objectContaining({ path: 'nil' })]);
    expect((await get(d.id)).nie).toBe('NIE-1'); // nothing changed
    const fixed = await patch({ nie: 'NIE-2' });
    expect(fixed.status).toBe(200);
    expect(fixed.json.nie).toBe('NIE-2');
    const answered = await post(`/v1/dossiers/${d.id}/info-requests/${before.infoRequests[0].id}/answer`, d.candidate, {
      message: 'NIE corrigé dans le formulaire.',
    });
    expect(answered.status).toBe(200);
    // once answered, the candidature is frozen again
    expect((await patch({ nie: 'NIE-3' })).status).toBe(409);
  });
});

describe('16. the planned date published, notice against tacit renewal, mandates matched to members', () => {
  const DAY = 86_400_000;
  it('publishes a candidature’s planned date while it is under way, when its company allowed it', async () => {
    const d = await journey.submittedDossier(http, 2261, 'company'); // allows publication
    const list = async () =>
      (await http.call('GET', '/v1/public/candidatures?limit=100')).json.items as { dossierId: string }[];
    const own = (await list()).find((c) => c.dossierId === d.id);
    expect(own).toEqual({
      dossierId: d.id,
      product: { name: 'Produit 2261', version: '1.0' },
      companyName: 'Société e2261',
      plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
      stage: 'admissibility',
      since: expect.any(String),
    });
    expect(JSON.stringify(await list())).not.toContain('@'); // no person, no address
    expect((await post(`/v1/dossiers/${d.id}/withdraw`, d.candidate)).status).toBe(200);
    expect((await list()).find((c) => c.dossierId === d.id)).toBeUndefined();
  });

  it('ends the certificate at the convention’s term once its company gave notice against tacit renewal', async () => {
    const d = await journey.readyForCollege(http, 2262);
    const granted = await post(`/v1/dossiers/${d.id}/college-decision`, await t.college(), { decision: 'certified' });
    const number = granted.json.certificate.number as string;
    const stranger = await journey.admissibleDossier(http, 2263, 'company');
    const body = { reasons: ['Le produit est retiré du marché'] };
    expect((await post(`/v1/certificates/${number}/non-renewal`, stranger.candidate, body)).status).toBe(404);
    expect((await post(`/v1/certificates/${number}/non-renewal`, await t.candidate(d.companyId), {})).status).toBe(400);
    const noticed = await post(`/v1/certificates/${number}/non-renewal`, await t.candidate(d.companyId), body);
    expect(noticed.status).toBe(200);
    expect(noticed.json.life.nonRenewal).toMatchObject({ party: 'company', reasons: body.reasons });
    expect((await post(`/v1/certificates/${number}/non-renewal`, await t.instructor(), body)).status).toBe(409);
    const termAt = Date.parse(noticed.json.life.conventionTermAt);
    await http.call('POST', '/_local/clock', { body: { to: new Date(termAt + DAY).toISOString() } });
    const ended = (await http.call('GET', `/v1/certificates/${number}`, { token: await t.instructor() })).json;
    expect(ended.status).toBe('expired');
    expect(ended.life.ended).toMatchObject({
      at: new Date(termAt).toISOString(),
      reason: expect.stringContaining('notice given by the company'),
    });
  }, 120_000);

  it('matches each mandate to the member it names before a group lead submits', async () => {
    const members = [{ name: 'Clinique des Lilas' }, { name: 'Centre Santé Nord' }];
    const company = await http.call('POST', '/v1/companies', {
      token: await t.admin(),
      body: companyBody(siret(2264), 'e2264'),
    });
    const candidate = await t.candidate(company.json.id);
    const created = await http.call('POST', '/v1/dossiers', {
      token: candidate,
      body: {
        product: { name: 'Produit 2264', version: '1.0' },
        ...journey.PROFILE_SETS.company,
        profiles: [...journey.PROFILE_SETS.company.profiles],
        plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
        publishPlannedDate: false,
        nie: 'NIE-1',
        nil: 'NIL-1',
        group: { members },
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const deposit = async (purpose: string, groupMember?: string) => {
      const sent = await upload(http, candidate, id, { purpose, ...(groupMember ? { groupMember } : {}) });
      return sent.grant.status === 201 ? settled(http, candidate, id, sent.grant.json.uploadId) : sent.grant;
    };
    await deposit('functional_documentation');
    expect((await deposit('mandate', 'Clinique des Sources')).status).toBe(422);
    await deposit('mandate', 'Clinique des Lilas');
    await deposit('mandate', 'clinique des lilas');
    const refused = await post(`/v1/dossiers/${id}/submit`, candidate);
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.json.errors)).toContain('Centre Santé Nord');
    await deposit('mandate', 'Centre Santé Nord');
    expect((await post(`/v1/dossiers/${id}/submit`, candidate)).status).toBe(200);
  });
});
