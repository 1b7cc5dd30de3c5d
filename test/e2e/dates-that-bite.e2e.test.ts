import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, companyBody, draftBody, siret } from '../support/api-client';
import { submittedDossier, tokens, WAKE_SLACK_MS } from '../support/journeys';
import { startTestStack, type TestStack } from '../support/local-stack';

/**
 * The legal clocks over HTTP from instants that bite, each stack pinned there: the eve of a DST
 * change and of Easter, New Year's Eve in Paris, a leap year, and the day a test once failed
 * because it assumed another day's calendar. Each due instant below is worked out by hand from
 * the rules (the end of the last day, Paris time, moved to the next working day); the service
 * must find the same, and the effect must fall at that instant — not a day, not an hour before.
 */
const CASES = [
  {
    name: 'Tuesday 1 December 2026, 09:00 Paris',
    start: '2026-12-01T08:00:00Z',
    // 6 months: Tuesday 1 June 2027, a working day (CEST)
    draftDue: '2027-06-01T21:59:59.999Z',
    // 60 days: Saturday 30 January 2027 → Monday 1 February (CET)
    requestDue: '2027-02-01T22:59:59.999Z',
  },
  {
    name: 'Friday 26 March 2027, 23:30 Paris (the eve of Easter weekend and of the DST change)',
    start: '2027-03-26T22:30:00Z',
    // 6 months: Sunday 26 September 2027 → Monday 27 September (CEST)
    draftDue: '2027-09-27T21:59:59.999Z',
    // 60 days: Tuesday 25 May 2027 (CEST)
    requestDue: '2027-05-25T21:59:59.999Z',
  },
  {
    name: 'Friday 31 December 2027, 23:30 Paris (22:30 UTC: already the last day of the year in both)',
    start: '2027-12-31T22:30:00Z',
    // 6 months: Friday 30 June 2028 (CEST)
    draftDue: '2028-06-30T21:59:59.999Z',
    // 60 days: Tuesday 29 February 2028 (a leap day, CET)
    requestDue: '2028-02-29T22:59:59.999Z',
  },
  {
    name: 'Monday 28 February 2028, 10:00 Paris (a leap year)',
    start: '2028-02-28T09:00:00Z',
    // 6 months: Monday 28 August 2028 (CEST)
    draftDue: '2028-08-28T21:59:59.999Z',
    // 60 days, 29 February counted: Friday 28 April 2028 (CEST)
    requestDue: '2028-04-28T21:59:59.999Z',
  },
] as const;

describe.each(CASES)('$name', ({ start, draftDue, requestDue }) => {
  let stack: TestStack;
  let http: ReturnType<typeof api>;
  /** both dossiers begin at the pinned instant; the tests then move forward in time order */
  let draftId: string;
  let submitted: { id: string; dueAt: string; status: number };
  beforeAll(async () => {
    stack = await startTestStack({ clockStart: start });
    http = api(stack.url);
    const t = tokens(http);
    const company = await http.call('POST', '/v1/companies', {
      token: await t.admin(),
      body: companyBody(siret(7001), 'd1'),
    });
    const created = await http.call('POST', '/v1/dossiers', {
      token: await t.candidate(company.json.id),
      body: draftBody('Horloge'),
    });
    expect(created.status).toBe(201);
    draftId = created.json.id;
    const d = await submittedDossier(http, 7002);
    const opened = await http.call('POST', `/v1/dossiers/${d.id}/info-requests`, {
      token: await t.instructor(),
      body: { missingItems: ['Attestation HDS'] },
    });
    // the 60 days run from the request's receipt (API.md [1.2]): the company opens it at once, so
    // they run from the pinned day; until then `dueAt` is the latest possible, from the deemed receipt
    const notice = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: d.candidate })).json.notifications.find(
      (n: { kind: string }) => n.kind === 'info_request',
    );
    const read = await http.call('POST', `/v1/dossiers/${d.id}/notifications/${notice.id}/open`, {
      token: d.candidate,
    });
    expect(read.status).toBe(200);
    expect(Date.parse(opened.json.dueAt)).toBeGreaterThan(Date.parse(requestDue));
    const dueAt = (await http.call('GET', `/v1/dossiers/${d.id}`, { token: d.candidate })).json.infoRequests[0].dueAt;
    submitted = { id: d.id, dueAt, status: opened.status };
  }, 120_000);
  afterAll(() => stack?.dispose(), 60_000);

  const read = async (id: string) =>
    (await http.call('GET', `/v1/dossiers/${id}`, { token: await tokens(http).instructor() })).json;
  const moveTo = (instant: number) =>
    http.call('POST', '/_local/clock', { body: { to: new Date(instant).toISOString() } });

  it('lets an information request lapse at the end of its 60th day, on a working day', async () => {
    expect(submitted.status).toBe(201);
    expect(submitted.dueAt).toBe(requestDue);
    await moveTo(Date.parse(requestDue) - 60_000);
    expect((await read(submitted.id)).status).toBe('admissibility_review');
    // the timer wakes a little after (WAKE_SLACK_MS); the effect is dated at its legal instant, the first after the period
    await moveTo(Date.parse(requestDue) + WAKE_SLACK_MS);
    const lapsed = await read(submitted.id);
    expect(lapsed.status).toBe('abandoned');
    expect(lapsed.closedAt).toBe(new Date(Date.parse(requestDue) + 1).toISOString());
  });

  it('abandons an idle draft at the end of the sixth month, on a working day', async () => {
    const draft = await read(draftId);
    expect(draft.createdAt.slice(0, 15)).toBe(start.slice(0, 15));
    expect(draft.deadlines).toEqual([expect.objectContaining({ kind: 'inactivity_abandonment', dueAt: draftDue })]);
    await moveTo(Date.parse(draftDue) - 60_000);
    expect((await read(draftId)).status).toBe('draft');
    await moveTo(Date.parse(draftDue) + WAKE_SLACK_MS);
    const abandoned = await read(draftId);
    expect(abandoned.status).toBe('abandoned');
    expect(abandoned.closedAt).toBe(new Date(Date.parse(draftDue) + 1).toISOString());
  });
});
