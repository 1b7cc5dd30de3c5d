import { describe, expect, it, onTestFinished } from 'vitest';
import { createHash } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDossierRepository } from '../../functions/adapters/dynamo/dossier-repository';
import { hashEvent } from '../../functions/domain/journal';
import { TIMESTAMPED_EVENTS } from '../../functions/domain/trusted-timestamps';
import { verifyAllJournals } from '../../infra/ops/journal-verify';
import { proofOf } from '../../infra/ops/proof-verify';
import { publicTrust } from '../../infra/ops/token-check';
import { opensslReadToken, opensslVerifyToken, pdfsig } from '../support/clerk';
import { conventionToSign, readyForCollege } from '../support/journeys';
import { api } from '../support/api-client';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { stackS3, stackTable } from '../support/stack-clients';

let stack: TestStack;
let http: ReturnType<typeof api>;
let t: ReturnType<typeof import('../support/journeys').tokens>;
useLocalStack((ctx) => ({ stack, http, t } = ctx));

type Event = { seq: number; type: string; at: string; hash: string; timestamp?: { token: string; tsa: string } };

/**
 * Proof that stands up (issue 24), checked as a clerk would: with openssl and pdfsig against
 * what `GET /v1/public/trust` publishes, never with the platform's own code.
 */
describe('sealed documents and trusted timestamps, over HTTP', () => {
  it('timestamps every act with legal weight and seals every issued PDF', async () => {
    const trust = await http.call('GET', '/v1/public/trust');
    expect(trust.status).toBe(200);
    const { tsaCertificates, sealCertificates } = trust.json as {
      tsaCertificates: string[];
      sealCertificates: string[];
    };
    expect(tsaCertificates.length).toBeGreaterThan(0);
    expect(sealCertificates.length).toBeGreaterThan(0);

    const d = await readyForCollege(http, 2401);
    const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
      token: await t.college(),
      body: { decision: 'certified' },
    });
    expect(decided.status).toBe(200);
    const number = decided.json.certificate.number as string;

    const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: d.candidate });
    expect(journal.json.verified).toBe(true);
    const events = journal.json.items as Event[];
    const weighty = events.filter((e) => (TIMESTAMPED_EVENTS as readonly string[]).includes(e.type));
    expect(weighty.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'dossier_admissible',
        'complete_file_acknowledged',
        'notification_issued',
        'certificate_granted',
      ]),
    );
    for (const e of weighty) {
      expect(e.timestamp, e.type).toMatchObject({ tsa: 'local' });
      const verified = opensslVerifyToken(e.timestamp!.token, e.hash, tsaCertificates);
      expect(verified.output, `${e.type} #${e.seq}`).toContain('Verification: OK');
    }
    // the others carry none: a token is proof of a legal act, not a log line
    expect(events.find((e) => e.type === 'dossier_created')!.timestamp).toBeUndefined();

    const documents = [
      await http.call('GET', `/v1/dossiers/${d.id}/documents/receipt`, { token: d.candidate }),
      await http.call('GET', `/v1/dossiers/${d.id}/convention`, { token: d.candidate }),
      await http.call('GET', `/v1/dossiers/${d.id}/convention/evidence`, { token: d.candidate }),
      await http.call('GET', `/v1/dossiers/${d.id}/documents/decision`, { token: d.candidate }),
      await http.call('GET', `/v1/certificates/${number}/pdf`, { token: d.candidate }),
    ];
    for (const link of documents) {
      expect(link.status).toBe(200);
      const bytes = new Uint8Array(await (await fetch(link.json.url)).arrayBuffer());
      const report = pdfsig(bytes);
      expect(report.valid, report.output).toBe(true);
      expect(report.output).toContain('Signature Type: ETSI.CAdES.detached');
      const tampered = Buffer.from(bytes);
      tampered[7] = tampered[7] === 0x37 ? 0x36 : 0x37; // one signed byte: the header's version
      expect(pdfsig(tampered).valid).toBe(false);
    }
  }, 180_000);

  it('loses no token while the timestamp authority is down for an hour, and never moves the legal instant', async () => {
    const d = await readyForCollege(http, 2402);
    expect((await http.call('POST', '/_local/tsa/availability', { body: { available: false } })).status).toBe(200);
    onTestFinished(async () => {
      await http.call('POST', '/_local/tsa/availability', { body: { available: true } });
    });
    const decidedAt = (await http.call('GET', '/_local/clock')).json.now as string;
    const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
      token: await t.college(),
      body: { decision: 'refused', reasons: ['exigence TLC-01 non satisfaite'] },
    });
    expect(decided.status).toBe(200);
    const read = async () => {
      // a fresh token: an hour later the first one has expired, as Cognito's would
      const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: await t.candidate(d.companyId) });
      expect(journal.status, journal.text).toBe(200);
      return journal.json.items as Event[];
    };
    const refusal = (await read()).find((e) => e.type === 'college_refused')!;
    expect(refusal.timestamp).toBeUndefined();
    expect(Date.parse(refusal.at) - Date.parse(decidedAt)).toBeLessThan(60_000);

    // an hour of outage: the sweeps try and fail; nothing is stamped, nothing is lost
    expect((await http.call('POST', '/_local/clock', { body: { advance: 'PT1H' } })).status).toBe(200);
    expect((await read()).find((e) => e.seq === refusal.seq)!.timestamp).toBeUndefined();

    expect((await http.call('POST', '/_local/tsa/availability', { body: { available: true } })).status).toBe(200);
    const after = (await read()).find((e) => e.seq === refusal.seq)!;
    expect(after.at).toBe(refusal.at); // the legal instant is the event's, never the token's
    const { tsaCertificates } = (await http.call('GET', '/v1/public/trust')).json;
    expect(opensslVerifyToken(after.timestamp!.token, after.hash, tsaCertificates).output).toContain(
      'Verification: OK',
    );
    // the token says when the authority saw the hash: after the outage, not at the decision
    const stampedAt = /Time stamp: (.+)/.exec(opensslReadToken(after.timestamp!.token))![1]!;
    expect(Date.parse(stampedAt)).toBeGreaterThanOrEqual(Date.parse(refusal.at) + 3_600_000 - 1000);
  }, 180_000);

  it('catches a rebuilt chain by its tokens and an edited PDF by its seal (journal:verify, proof:verify)', async () => {
    const d = await readyForCollege(http, 2403);
    const decided = await http.call('POST', `/v1/dossiers/${d.id}/college-decision`, {
      token: await t.college(),
      body: { decision: 'certified' },
    });
    expect(decided.status).toBe(200);
    const db = stackTable(stack);
    const s3 = stackS3(stack);
    const trust = await publicTrust(stack.url);
    const source = { db, table: stack.tableName, s3, bucket: stack.buckets.evidence };
    // a day passes: the next day's first sweep anchors every journal head
    expect((await http.call('POST', '/_local/clock', { body: { advance: 'P1D' } })).status).toBe(200);
    const sound = await proofOf(source, d.id, trust);
    expect(sound.ok, JSON.stringify(sound, null, 2)).toBe(true);
    expect(sound.anchor).toMatchObject({ listIntact: true, token: 'verified', head: 'matches' });
    expect(sound.documents.map((x) => x.key.split('/').slice(2).join('/')).sort()).toEqual([
      expect.stringMatching(/^certificate\/TLC-\d{4}-\d{6}\.pdf$/),
      'convention/convention.pdf',
      'convention/signature-evidence.pdf',
      'notified/accuse-de-reception.pdf',
      expect.stringMatching(/^notified\/decision-.+\.pdf$/),
    ]);
    expect(sound.events.filter((e) => e.token === 'verified').length).toBeGreaterThan(3);

    // someone with write access back-dates the complete file's receipt and rebuilds the whole
    // chain, head included: the chain is consistent again — the tokens are not
    const events = await new DynamoDossierRepository(db, stack.tableName).journal(d.id);
    const target = events.findIndex((e) => e.type === 'complete_file_acknowledged');
    let prevHash = events[target - 1]!.hash;
    for (const event of events.slice(target)) {
      const { hash: _old, timestamp: _token, ...unsigned } = event;
      const edited = {
        ...unsigned,
        prevHash,
        at: event.seq === events[target]!.seq ? '2020-01-01T00:00:00.000Z' : event.at,
      };
      const hash = hashEvent(edited);
      await db.send(
        new UpdateCommand({
          TableName: stack.tableName,
          Key: { pk: `DOSSIER#${d.id}`, sk: `EVENT#${String(event.seq).padStart(8, '0')}` },
          UpdateExpression: 'SET #e = :e',
          ExpressionAttributeNames: { '#e': 'event' },
          ExpressionAttributeValues: { ':e': { ...edited, hash } },
        }),
      );
      prevHash = hash;
    }
    await db.send(
      new UpdateCommand({
        TableName: stack.tableName,
        Key: { pk: `DOSSIER#${d.id}`, sk: 'META' },
        UpdateExpression: 'SET journalHead = :h',
        ExpressionAttributeValues: { ':h': { seq: events.at(-1)!.seq, hash: prevHash } },
      }),
    );
    const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: await t.candidate(d.companyId) });
    expect(journal.json.verified).toBe(true); // the chain alone is fooled
    const all = await verifyAllJournals(db, stack.tableName, trust.tsaCertificates);
    const caught = all.broken.filter((b) => b.dossierId === d.id);
    expect(caught.length).toBeGreaterThan(0);
    expect(caught[0]).toMatchObject({ seq: events[target]!.seq, reason: expect.stringContaining('timestamp token') });
    const report = await proofOf(source, d.id, trust);
    expect(report.ok).toBe(false);
    expect(report.events.find((e) => e.seq === events[target]!.seq)!.token).toBe('broken');
    // and the anchor no longer finds the head it listed, though that head's event had no token
    expect(report.anchor).toMatchObject({ listIntact: true, token: 'verified', head: 'differs' });

    // one byte of the issued certificate changed in the bucket: its seal says so
    const key = sound.documents.find((x) => x.key.includes('/certificate/'))!.key;
    const original = await (
      await s3.send(new GetObjectCommand({ Bucket: stack.buckets.evidence, Key: key }))
    ).Body!.transformToByteArray();
    const edited = Buffer.from(original);
    edited[7] = edited[7] === 0x37 ? 0x36 : 0x37;
    await s3.send(
      new PutObjectCommand({ Bucket: stack.buckets.evidence, Key: key, Body: edited, ContentType: 'application/pdf' }),
    );
    const afterEdit = await proofOf(source, d.id, trust);
    expect(afterEdit.documents.find((x) => x.key === key)!.sealed).toBe(false);
  }, 180_000);

  it('has the convention signed only after a recent sign-in, over its exact hash, with a sealed evidence file', async () => {
    const d = await conventionToSign(http, 2404);
    const link = await http.call('GET', `/v1/dossiers/${d.id}/convention`, { token: d.candidate });
    const convention = Buffer.from(await (await fetch(link.json.url)).arrayBuffer());
    const conventionSha256 = createHash('sha256').update(convention).digest('hex');
    const signIn = await t.candidate(d.companyId);
    expect((await http.call('POST', '/_local/clock', { body: { advance: 'PT16M' } })).status).toBe(200);
    const stale = await http.call('POST', `/v1/dossiers/${d.id}/convention/sign`, {
      token: signIn,
      body: { signatoryName: 'Camille Martin', conventionSha256 },
    });
    expect(stale.status).toBe(401);
    expect(stale.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_user_authentication", error_description="A recent sign-in is required", max_age=900',
    );
    expect(stale.json.type).toBe('/problems/reauthentication-required');
    const other = await http.call('POST', `/v1/dossiers/${d.id}/convention/sign`, {
      token: await t.candidate(d.companyId),
      body: { signatoryName: 'Camille Martin', conventionSha256: 'ab'.repeat(32) },
    });
    expect(other.status).toBe(409);
    const signed = await http.call('POST', `/v1/dossiers/${d.id}/convention/sign`, {
      token: await t.candidate(d.companyId),
      body: { signatoryName: 'Camille Martin', conventionSha256 },
    });
    expect(signed.status).toBe(200);
    const journal = await http.call('GET', `/v1/dossiers/${d.id}/journal`, { token: await t.instructor() });
    const event = (journal.json.items as Event[]).find((e) => e.type === 'convention_signed')!;
    const { tsaCertificates } = (await http.call('GET', '/v1/public/trust')).json;
    expect(opensslVerifyToken(event.timestamp!.token, event.hash, tsaCertificates).output).toContain(
      'Verification: OK',
    );
    for (const token of [await t.candidate(d.companyId), await t.instructor()]) {
      const evidence = await http.call('GET', `/v1/dossiers/${d.id}/convention/evidence`, { token });
      expect(evidence.status).toBe(200);
      const report = pdfsig(new Uint8Array(await (await fetch(evidence.json.url)).arrayBuffer()));
      expect(report.valid, report.output).toBe(true);
    }
    const stranger = await conventionToSign(http, 2405);
    expect(
      (await http.call('GET', `/v1/dossiers/${d.id}/convention/evidence`, { token: stranger.candidate })).status,
    ).toBe(404);
  }, 180_000);

  it('refuses a malformed timestamp request at the local authority', async () => {
    const response = await fetch(`${stack.url}/_local/tsa`, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: 'not DER',
    });
    expect(response.status).toBe(400);
  });
});
