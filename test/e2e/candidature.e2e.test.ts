import { describe, expect, it } from 'vitest';
import { WAKE_SLACK_MS } from '../support/journeys';
import { api, companyBody, siret, PLANNED_COMPLETE_PROOF_DATE } from '../support/api-client';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { useLocalStack, type TestStack } from '../support/local-stack';
import { pdf, settled, upload } from '../support/uploads';
import { stackS3 } from '../support/stack-clients';

let http: ReturnType<typeof api>;
let stack: TestStack;
useLocalStack((ctx) => ({ http, stack } = ctx));

const tokens = {
  admin: () => http.token({ role: 'admin', sub: 'support' }),
  instructor: () => http.token({ role: 'instructor', sub: 'instructor-1' }),
  candidate: (companyId: string) => http.token({ role: 'candidate', sub: `cand-${companyId}`, ensId: companyId }),
};

const registerCompany = async (seed: number) => {
  const r = await http.call('POST', '/v1/companies', {
    token: await tokens.admin(),
    body: companyBody(siret(seed), `k${seed}`),
  });
  expect(r.status).toBe(201);
  return r.json.id as string;
};

const completeDraft = {
  product: { name: 'MédiConsult', version: '2.1' },
  useCase: 'city_practice',
  profiles: ['general', 'identity_referential', 'e_prescription', 'identity_referential_insi_card', 'hds_third_party'],
  plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
  publishPlannedDate: true,
  deployedInTeleconsultationCompany: false,
  nie: 'NIE-0042',
  nil: 'NIL-0042',
};

/** A company with a submitted candidature (documentation received). */
const submitted = async (seed: number, name = `Produit ${seed}`) => {
  const companyId = await registerCompany(seed);
  const candidate = await tokens.candidate(companyId);
  const created = await http.call('POST', '/v1/dossiers', {
    token: candidate,
    body: { ...completeDraft, product: { name, version: '1' } },
  });
  expect(created.status).toBe(201);
  const id = created.json.id as string;
  const { grant } = await upload(http, candidate, id, {});
  expect((await settled(http, candidate, id, grant.json.uploadId)).status).toBe('received');
  const submit = await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate });
  expect(submit.status).toBe(200);
  return { companyId, candidate, id };
};

describe('register → draft → uploads → submit → queue → admissible', () => {
  it('runs the whole admissibility path', async () => {
    const companyId = await registerCompany(100);
    const candidate = await tokens.candidate(companyId);
    const created = await http.call('POST', '/v1/dossiers', {
      token: candidate,
      body: {
        product: { name: 'MédiConsult', version: '2.1' },
        useCase: 'city_practice',
        profiles: ['identity_referential', 'hds_third_party', 'hds_self_hosted'],
      },
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;

    // the submission names every broken rule
    // in English on request (Accept-Language), each field error with its stable code
    const early = await http.call('POST', `/v1/dossiers/${id}/submit`, {
      token: candidate,
      headers: { 'accept-language': 'en' },
    });
    expect(early.status).toBe(422);
    expect(early.json.errors.map((e: { code: string }) => e.code)).toContain('profile-matrix');
    const messages = early.json.errors.map((e: { message: string }) => e.message).join('\n');
    for (const expected of [
      'general is required',
      'e_prescription is required',
      'only one hosting profile',
      'NIE',
      'NIL',
      'functional documentation',
      'planned date',
    ]) {
      expect(messages).toContain(expected);
    }

    // uploads: good, tampered SHA-256, wrong length, wrong type, oversize
    const good = await upload(http, candidate, id, {});
    expect(good.grant.status).toBe(201);
    expect(good.grant.json).toMatchObject({ method: 'PUT', headers: { 'x-amz-checksum-sha256': expect.any(String) } });
    expect(good.grant.json.url).not.toContain('Documentation');
    expect(good.put!.ok).toBe(true);
    const received = await settled(http, candidate, id, good.grant.json.uploadId);
    expect(received).toMatchObject({
      status: 'received',
      fileName: 'Documentation fonctionnelle.pdf',
      purpose: 'functional_documentation',
    });

    const original = pdf('original');
    const tampered = Buffer.from(original);
    tampered[tampered.length - 2] = 0x21;
    // other bytes, or more of them, than announced: storage itself refuses them, as S3 does (the
    // signed checksum and length), and nothing lands — the grant stays pending until it expires
    const bad = await upload(http, candidate, id, { file: original, sent: tampered });
    expect(bad.put!.status).toBe(400);
    const longer = await upload(http, candidate, id, {
      file: original,
      sent: Buffer.concat([original, Buffer.from('x')]),
    });
    expect(longer.put!.status).toBe(403);
    const landed = (await http.call('GET', `/v1/dossiers/${id}`, { token: candidate })).json.uploads as {
      id: string;
      status: string;
    }[];
    for (const refused of [bad, longer])
      expect(landed.find((u) => u.id === refused.grant.json.uploadId)?.status).toBe('pending');

    expect((await upload(http, candidate, id, { contentType: 'application/x-msdownload' })).grant.status).toBe(415);
    const oversize = await upload(http, candidate, id, { size: 201 * 1024 * 1024 });
    expect(oversize.grant.status).toBe(413);
    expect((await upload(http, candidate, id, { purpose: 'proof', requirementId: 'GEN-01' })).grant.status).toBe(409);
    expect((await upload(http, candidate, id, { purpose: 'mandate' })).grant.status).toBe(422);
    const badSha = await http.call('POST', `/v1/dossiers/${id}/uploads`, {
      token: candidate,
      body: { purpose: 'mandate', fileName: 'a.pdf', contentType: 'application/pdf', size: 10, sha256: 'nope' },
    });
    expect(badSha.status).toBe(400);

    // complete the draft, then submit
    const read = await http.call('GET', `/v1/dossiers/${id}`, { token: candidate });
    const patched = await http.call('PATCH', `/v1/dossiers/${id}`, {
      token: candidate,
      body: completeDraft,
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(patched.status).toBe(200);
    const submit = await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate });
    expect(submit.status).toBe(200);
    expect(submit.json.status).toBe('admissibility_review');
    expect(submit.json.deadlines).toEqual([]); // ANS acts now: no clock against the candidate
    const frozen = await http.call('PATCH', `/v1/dossiers/${id}`, {
      token: candidate,
      body: { profiles: ['general'] },
      headers: { 'if-match': submit.headers.get('etag')! },
    });
    expect(frozen.status).toBe(409);
    expect((await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate })).status).toBe(409);

    // the FIFO queue, for instructors only
    const instructor = await tokens.instructor();
    const queue = await http.call('GET', '/v1/queue?stage=admissibility', { token: instructor });
    expect(queue.status).toBe(200);
    expect(queue.json.items.map((i: { dossierId: string }) => i.dossierId)).toContain(id);
    expect((await http.call('GET', '/v1/queue?stage=admissibility', { token: candidate })).status).toBe(403);
    expect((await http.call('GET', '/v1/queue?stage=nowhere', { token: instructor })).status).toBe(400);
    expect((await http.call('GET', '/v1/queue?stage=admissibility&limit=0', { token: instructor })).status).toBe(400);

    // admissible, with a verdict per piece
    const verdict = await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
      token: instructor,
      body: {
        decision: 'admissible',
        pieces: [{ uploadId: good.grant.json.uploadId, verdict: 'compliant', comment: 'Complète' }],
      },
    });
    expect(verdict.status).toBe(200);
    expect(verdict.json.status).toBe('proofs_deposit');
    const after = await http.call('GET', `/v1/dossiers/${id}`, { token: candidate });
    expect(after.json.uploads.find((u: { id: string }) => u.id === good.grant.json.uploadId).review).toMatchObject({
      verdict: 'compliant',
      comment: 'Complète',
    });
    expect(after.json.deadlines.map((d: { kind: string }) => d.kind)).toEqual(['inactivity_abandonment']);
    expect(
      (await http.call('GET', '/v1/queue?stage=admissibility', { token: instructor })).json.items.map(
        (i: { dossierId: string }) => i.dossierId,
      ),
    ).not.toContain(id);
    // admissible: it waits in the evidence-deposit queue, where ANS reviews each proof as it comes
    const deposit = await http.call('GET', '/v1/queue?stage=deposit', { token: instructor });
    expect(deposit.json.items).toContainEqual(
      expect.objectContaining({ dossierId: id, since: after.json.admissibleAt, reference: after.json.reference }),
    );
    expect((await http.call('GET', '/v1/queue?stage=deposit', { token: candidate })).status).toBe(403);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
          token: instructor,
          body: { decision: 'admissible' },
        })
      ).status,
    ).toBe(409);

    const mail = await http.call('GET', '/_local/mail?to=contact-k100@example.fr');
    const subjects = mail.json.items.map((m: { subject: string }) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Candidature reçue'),
        expect.stringContaining('Candidature recevable'),
      ]),
    );
  });

  it('keeps one open candidature per product and company', async () => {
    const companyId = await registerCompany(110);
    const candidate = await tokens.candidate(companyId);
    expect(
      (
        await http.call('POST', '/v1/dossiers', {
          token: candidate,
          body: { ...completeDraft, product: { name: 'Unique', version: '1' } },
        })
      ).status,
    ).toBe(201);
    const twin = await http.call('POST', '/v1/dossiers', {
      token: candidate,
      body: { ...completeDraft, product: { name: '  unique ', version: '2' } },
    });
    expect(twin.status).toBe(409);
    const list = await http.call('GET', '/v1/dossiers', { token: candidate });
    expect(list.json.items).toHaveLength(1);
  });

  it('answers bad admissibility input with 4xx and changes nothing', async () => {
    const { id } = await submitted(120);
    const instructor = await tokens.instructor();
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
          token: instructor,
          body: { decision: 'incomplete' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
          token: instructor,
          body: { decision: 'admissible', pieces: [{ uploadId: 'nope', verdict: 'compliant' }] },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
          token: await tokens.admin(),
          body: { decision: 'admissible' },
        })
      ).status,
    ).toBe(403);
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).json.status).toBe(
      'admissibility_review',
    );
  });
});

describe('information requests (R.1470-2)', () => {
  it('abandons the dossier when a request lapses, after J-15 and J-3 reminders at their instants', async () => {
    const { id, companyId } = await submitted(200);
    const instructor = await tokens.instructor();
    const verdict = await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
      token: instructor,
      body: { decision: 'incomplete', missingItems: ['Kbis de moins de 3 mois'] },
    });
    expect(verdict.status).toBe(200);
    const dossier = (await http.call('GET', `/v1/dossiers/${id}`, { token: instructor })).json;
    const request = dossier.infoRequests[0];
    expect(dossier.deadlines).toEqual([
      { kind: 'info_request', dueAt: request.dueAt, legalBasis: expect.stringContaining('R.1470-2') },
    ]);
    expect(
      (await http.call('GET', '/v1/queue?stage=admissibility', { token: instructor })).json.items.map(
        (i: { dossierId: string }) => i.dossierId,
      ),
    ).not.toContain(id);

    // moves relative to the request's own due instant (a Saturday due date moves to Monday): the
    // test holds whatever day the stack's clock starts on
    const requestDue = new Date(request.dueAt).getTime();
    await http.call('POST', '/_local/clock', { body: { to: new Date(requestDue - 86_400_000).toISOString() } });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await tokens.instructor() })).json.status).toBe(
      'admissibility_review',
    );
    await http.call('POST', '/_local/clock', { body: { to: new Date(requestDue + WAKE_SLACK_MS).toISOString() } });
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await tokens.instructor() })).json.status).toBe(
      'abandoned',
    );

    const mail = (await http.call('GET', `/_local/mail?to=contact-k200@example.fr`)).json.items as {
      subject: string;
      at: string;
    }[];
    const reminders = mail.filter((m) => m.subject.startsWith('Rappel'));
    expect(reminders.map((m) => m.subject)).toEqual([
      expect.stringContaining('15 jours'),
      expect.stringContaining('3 jours'),
    ]);
    const due = new Date(request.dueAt).getTime();
    // v1.2: a reminder leaves at 08:00 Paris, on the day 15 days before or the last working day before it
    const sentAt = new Date(reminders[0]!.at);
    const paris = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', ...options }).format(sentAt);
    expect(paris({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).toBe('08:00');
    expect(['Sat', 'Sun']).not.toContain(paris({ weekday: 'short' }));
    const early = due - 15 * 86_400_000 - sentAt.getTime();
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(5 * 86_400_000);
    const abandonment = mail.find((m) => m.subject.startsWith('Candidature abandonnée'))!;
    expect(new Date(abandonment.at).getTime()).toBeGreaterThan(due);
    expect(companyId).toBeTruthy();
  });

  it('does not abandon a dossier whose request was answered in time; it returns to the queue', async () => {
    const { id, candidate } = await submitted(210);
    const instructor = await tokens.instructor();
    await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
      token: instructor,
      body: { decision: 'incomplete', missingItems: ['Documentation à jour'] },
    });
    const requestId = (await http.call('GET', `/v1/dossiers/${id}`, { token: candidate })).json.infoRequests[0].id;

    await http.call('POST', '/_local/clock', { body: { advance: 'P20D' } });
    const fresh = await tokens.candidate(
      (await http.call('GET', `/v1/dossiers/${id}`, { token: await tokens.instructor() })).json.companyId,
    );
    const reupload = await upload(http, fresh, id, { file: pdf('v2') });
    expect(reupload.grant.status).toBe(201);
    expect((await settled(http, fresh, id, reupload.grant.json.uploadId)).status).toBe('received');
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/info-requests/unknown/answer`, {
          token: fresh,
          body: { message: 'x' },
        })
      ).status,
    ).toBe(404);
    const answer = await http.call('POST', `/v1/dossiers/${id}/info-requests/${requestId}/answer`, {
      token: fresh,
      body: { message: 'Documentation redéposée.' },
    });
    expect(answer.status).toBe(200);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/info-requests/${requestId}/answer`, {
          token: fresh,
          body: { message: 'again' },
        })
      ).status,
    ).toBe(409);

    await http.call('POST', '/_local/clock', { body: { advance: 'P61D' } });
    const instructor2 = await tokens.instructor();
    const after = await http.call('GET', `/v1/dossiers/${id}`, { token: instructor2 });
    expect(after.json.status).toBe('admissibility_review');
    expect(after.json.deadlines).toEqual([]);
    expect(
      (await http.call('GET', '/v1/queue?stage=admissibility', { token: instructor2 })).json.items.map(
        (i: { dossierId: string }) => i.dossierId,
      ),
    ).toContain(id);
    expect(
      (await http.call('GET', '/_local/mail?to=instruction@ans.localhost')).json.items.map(
        (m: { subject: string }) => m.subject,
      ),
    ).toEqual(expect.arrayContaining([expect.stringContaining('Réponse à une demande de pièces')]));
  });

  it('opens an explicit request with its due date, one at a time, for instructors only', async () => {
    const { id, candidate } = await submitted(220);
    const instructor = await tokens.instructor();
    const opened = await http.call('POST', `/v1/dossiers/${id}/info-requests`, {
      token: instructor,
      body: { missingItems: ['Attestation HDS'] },
    });
    expect(opened.status).toBe(201);
    expect(opened.json).toEqual({ requestId: expect.any(String), dueAt: expect.any(String) });
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/info-requests`, {
          token: instructor,
          body: { missingItems: ['encore'] },
        })
      ).status,
    ).toBe(409);
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/info-requests`, { token: candidate, body: { missingItems: ['x'] } }))
        .status,
    ).toBe(403);
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/info-requests`, { token: instructor, body: { missingItems: [] } }))
        .status,
    ).toBe(400);
  });
});

describe('messaging', () => {
  it('carries messages both ways, mails the other side without the content, and hides the thread from other companies', async () => {
    const { id, candidate } = await submitted(300);
    const instructor = await tokens.instructor();
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/messages`, {
          token: candidate,
          body: { body: 'Question sur le profil CIBA' },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/messages`, {
          token: instructor,
          body: { body: 'Réponse de l’ANS' },
        })
      ).status,
    ).toBe(201);
    const thread = await http.call('GET', `/v1/dossiers/${id}/messages`, { token: candidate });
    expect(thread.json.items.map((m: { body: string; from: { side: string } }) => [m.from.side, m.body])).toEqual([
      ['candidate', 'Question sur le profil CIBA'],
      ['ans', 'Réponse de l’ANS'],
    ]);
    const toCompany = (await http.call('GET', '/_local/mail?to=contact-k300@example.fr')).json.items.filter(
      (m: { subject: string }) => m.subject.startsWith('Nouveau message'),
    );
    expect(toCompany).toHaveLength(1);
    expect(toCompany[0].text).not.toContain('Réponse de l’ANS');
    const stranger = await tokens.candidate(await registerCompany(301));
    expect((await http.call('GET', `/v1/dossiers/${id}/messages`, { token: stranger })).status).toBe(404);
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/messages`, { token: stranger, body: { body: 'x' } })).status,
    ).toBe(404);
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/messages`, { token: candidate, body: { body: '' } })).status,
    ).toBe(400);
  });

  it('sends the company’s files with a message, as stored and checked, and only once', async () => {
    const { id, candidate } = await submitted(302);
    const instructor = await tokens.instructor();
    const { grant } = await upload(http, candidate, id, { purpose: 'attachment', file: pdf('plan de continuité') });
    expect(grant.status).toBe(201);
    const uploadId = grant.json.uploadId as string;
    // not before storage holds it, checked: a 422 naming the attachment, and nothing posted
    const early = await http.call('POST', `/v1/dossiers/${id}/messages`, {
      token: candidate,
      body: { body: 'Le plan', attachments: [uploadId] },
    });
    expect(early.status).toBe(422);
    expect(early.json.errors[0].path).toBe('attachments.0');
    expect((await settled(http, candidate, id, uploadId)).status).toBe('received');
    const sent = await http.call('POST', `/v1/dossiers/${id}/messages`, {
      token: candidate,
      body: { body: 'Le plan', attachments: [uploadId] },
    });
    expect(sent.status).toBe(201);
    expect(sent.json.attachments).toEqual([expect.objectContaining({ uploadId, contentType: 'application/pdf' })]);
    // ANS reads it from the thread and downloads the very bytes
    const thread = await http.call('GET', `/v1/dossiers/${id}/messages`, { token: instructor });
    const attached = thread.json.items.find((m: { id: string }) => m.id === sent.json.id).attachments[0];
    const link = await http.call('GET', `/v1/dossiers/${id}/uploads/${attached.uploadId}/download`, {
      token: instructor,
    });
    expect(link.status).toBe(200);
    expect(Buffer.from(await (await fetch(link.json.url)).arrayBuffer())).toEqual(pdf('plan de continuité'));
    // once, and it stays with its message
    const again = await http.call('POST', `/v1/dossiers/${id}/messages`, {
      token: candidate,
      body: { body: 'Encore', attachments: [uploadId] },
    });
    expect(again.status).toBe(422);
    expect((await http.call('DELETE', `/v1/dossiers/${id}/uploads/${uploadId}`, { token: candidate })).status).toBe(
      409,
    );
    // at most five, and ids as the contract bounds them
    expect(
      (
        await http.call('POST', `/v1/dossiers/${id}/messages`, {
          token: candidate,
          body: { body: 'x', attachments: ['a', 'b', 'c', 'd', 'e', 'f'] },
        })
      ).status,
    ).toBe(400);
    expect((await http.call('GET', `/v1/dossiers/${id}/messages`, { token: candidate })).json.items).toHaveLength(1);
  });
});

describe('groups and storage events', () => {
  it('asks a group lead for one mandate per member before submission', async () => {
    const companyId = await registerCompany(400);
    const candidate = await tokens.candidate(companyId);
    const created = await http.call('POST', '/v1/dossiers', {
      token: candidate,
      body: {
        ...completeDraft,
        product: { name: 'Groupement', version: '1' },
        group: { members: [{ name: 'Membre A' }, { name: 'Membre B' }] },
      },
    });
    const id = created.json.id as string;
    const doc = await upload(http, candidate, id, {});
    await settled(http, candidate, id, doc.grant.json.uploadId);
    const mandate = await upload(http, candidate, id, { purpose: 'mandate', file: pdf('mandat A') });
    expect((await settled(http, candidate, id, mandate.grant.json.uploadId)).status).toBe('received');
    const refused = await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate });
    expect(refused.status).toBe(422);
    expect(refused.json.errors).toEqual([
      { path: 'uploads', code: 'mandates-required', message: expect.stringContaining('1 reçu(s) pour 2 membres') },
    ]);
    const second = await upload(http, candidate, id, { purpose: 'mandate', file: pdf('mandat B') });
    await settled(http, candidate, id, second.grant.json.uploadId);
    expect((await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate })).status).toBe(200);
  });

  it('ignores duplicate and out-of-order object-created events', async () => {
    const companyId = await registerCompany(410);
    const candidate = await tokens.candidate(companyId);
    const id = (
      await http.call('POST', '/v1/dossiers', {
        token: candidate,
        body: { ...completeDraft, product: { name: 'Replay', version: '1' } },
      })
    ).json.id;
    const { grant } = await upload(http, candidate, id, {});
    const first = await settled(http, candidate, id, grant.json.uploadId);
    const before = await http.call('GET', `/v1/dossiers/${id}`, { token: candidate });

    // the events S3 would send again or out of place, sent by S3 itself (objects written behind the API)
    const s3 = stackS3(stack);
    const key = `dossiers/${id}/functional_documentation/${grant.json.uploadId}`;
    const stored = await s3.send(new GetObjectCommand({ Bucket: stack.buckets.evidence, Key: key }));
    const bytes = Buffer.from(await stored.Body!.transformToByteArray());
    const put = (bucket: string, at: string) => s3.send(new PutObjectCommand({ Bucket: bucket, Key: at, Body: bytes }));
    await put(stack.buckets.evidence, key); // duplicate
    await put(stack.buckets.evidence, `dossiers/${id}/functional_documentation/unknown`); // no grant
    await put(stack.buckets.evidence, 'elsewhere/file.pdf');
    await put(stack.buckets.sensitive, key); // wrong store
    s3.destroy();
    await http.call('GET', '/_local/mail'); // waits for the object-created handlers

    const after = await http.call('GET', `/v1/dossiers/${id}`, { token: candidate });
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect(after.json.uploads.find((u: { id: string }) => u.id === grant.json.uploadId)).toEqual(first);
  });
});

describe('what a file holds, and the candidature documents while they may change', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );

  it('refuses a text file or a PNG declared as a PDF, with the reason in French', async () => {
    const companyId = await registerCompany(430);
    const candidate = await tokens.candidate(companyId);
    const id = (await http.call('POST', '/v1/dossiers', { token: candidate, body: completeDraft })).json.id as string;
    const text = await upload(http, candidate, id, { file: Buffer.from('Ceci est une note, pas un PDF.\n') });
    expect(await settled(http, candidate, id, text.grant.json.uploadId)).toMatchObject({
      status: 'rejected',
      rejectedReason: 'le contenu du fichier n’est pas un PDF : sa signature n’est pas reconnue',
    });
    const png = await upload(http, candidate, id, { file: PNG });
    expect(await settled(http, candidate, id, png.grant.json.uploadId)).toMatchObject({
      status: 'rejected',
      rejectedReason: 'le fichier déclaré comme un PDF est une image PNG',
    });
    // the same PNG declared as what it is is received
    const declared = await upload(http, candidate, id, { file: PNG, contentType: 'image/png' });
    expect((await settled(http, candidate, id, declared.grant.json.uploadId)).status).toBe('received');
    // a rejected file is deleted from storage, never kept as evidence
    const s3 = stackS3(stack);
    await expect(
      s3.send(
        new GetObjectCommand({
          Bucket: stack.buckets.evidence,
          Key: `dossiers/${id}/functional_documentation/${text.grant.json.uploadId}`,
        }),
      ),
    ).rejects.toThrow();
    s3.destroy();
  });

  it('lets the documentation be replaced in a draft and while an admissibility request is open, not otherwise', async () => {
    const companyId = await registerCompany(431);
    const candidate = await tokens.candidate(companyId);
    const id = (await http.call('POST', '/v1/dossiers', { token: candidate, body: completeDraft })).json.id as string;
    const first = await upload(http, candidate, id, {});
    await settled(http, candidate, id, first.grant.json.uploadId);
    // replaced in the draft: the old one withdrawn, a new one received
    expect(
      (await http.call('DELETE', `/v1/dossiers/${id}/uploads/${first.grant.json.uploadId}`, { token: candidate }))
        .status,
    ).toBe(200);
    const second = await upload(http, candidate, id, { file: pdf('version 2') });
    expect((await settled(http, candidate, id, second.grant.json.uploadId)).status).toBe('received');
    expect((await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate })).status).toBe(200);

    const withdraw = () =>
      http.call('DELETE', `/v1/dossiers/${id}/uploads/${second.grant.json.uploadId}`, { token: candidate });
    const refused = await withdraw();
    expect(refused.status).toBe(409);
    // API.md « Local clock and language »: a stable code, the detail in French, English on request
    expect(refused.json).toMatchObject({
      code: 'candidature-document-locked',
      title: 'La demande est incompatible avec l’état actuel',
      detail: expect.stringContaining('demande de pièces'),
    });
    const inEnglish = await http.call('DELETE', `/v1/dossiers/${id}/uploads/${second.grant.json.uploadId}`, {
      token: candidate,
      headers: { 'accept-language': 'en' },
    });
    expect(inEnglish.json).toMatchObject({
      code: 'candidature-document-locked',
      detail: expect.stringContaining('information request'),
    });
    expect(inEnglish.headers.get('content-language')).toBe('en');

    const opened = await http.call('POST', `/v1/dossiers/${id}/info-requests`, {
      token: await tokens.instructor(),
      body: { missingItems: ['Documentation fonctionnelle à jour'] },
    });
    expect(opened.status).toBe(201);
    expect((await withdraw()).status).toBe(200);
    const third = await upload(http, candidate, id, { file: pdf('version 3') });
    expect((await settled(http, candidate, id, third.grant.json.uploadId)).status).toBe('received');
    const answered = await http.call('POST', `/v1/dossiers/${id}/info-requests/${opened.json.requestId}/answer`, {
      token: candidate,
      body: { message: 'La documentation à jour est déposée.' },
    });
    expect(answered.status).toBe(200);
    // the request answered, the documentation is the file again
    expect(
      (await http.call('DELETE', `/v1/dossiers/${id}/uploads/${third.grant.json.uploadId}`, { token: candidate }))
        .status,
    ).toBe(409);
  });
});

describe('ids too long or malformed are a 400 before anything is read', () => {
  it('answers 400 problem documents to a 3,000-character id, for a candidate as for staff', async () => {
    const companyId = await registerCompany(432);
    const candidate = await tokens.candidate(companyId);
    const long = 'a'.repeat(3000);
    for (const [method, path, body] of [
      ['GET', `/v1/dossiers/${long}`, undefined],
      ['GET', `/v1/dossiers/${long}/journal`, undefined],
      ['POST', `/v1/dossiers/${long}/messages`, { body: 'Bonjour' }],
      ['GET', `/v1/dossiers/${long}/uploads/${long}/download`, undefined],
      ['GET', `/v1/certificates/${long}`, undefined],
    ] as const) {
      for (const token of [candidate, await tokens.instructor()]) {
        const response = await http.call(method, path, { token, ...(body ? { body } : {}) });
        expect(response.status, `${method} ${path.slice(0, 40)}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
      }
    }
  });
});
