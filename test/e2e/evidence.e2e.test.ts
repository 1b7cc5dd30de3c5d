import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../functions/adapters/spreadsheet/xlsx';
import { api } from '../support/api-client';
import { admissibleDossier, completeFile, tokens } from '../support/journeys';
import { useLocalStack } from '../support/local-stack';
import { pdf, settled, upload } from '../support/uploads';

let http: ReturnType<typeof api>;
let t: ReturnType<typeof tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const requirementIds = (json: { sections: { requirements: { id: string }[] }[] }) =>
  json.sections.flatMap((s) => s.requirements.map((r) => r.id));

describe('evidence deposit → complete file', () => {
  it('lists the requirements of the dossier’s profiles only, and two profile sets differ', async () => {
    const company = await admissibleDossier(http, 500, 'company');
    const practice = await admissibleDossier(http, 501, 'practice');
    const a = await http.call('GET', `/v1/dossiers/${company.id}/requirements`, { token: company.candidate });
    const b = await http.call('GET', `/v1/dossiers/${practice.id}/requirements`, { token: practice.candidate });
    expect(a.json.referentialVersion).toBe('1.4.2');
    expect(requirementIds(a.json)).not.toContain('EPR-01');
    expect(requirementIds(a.json)).toContain('HDS-01');
    expect(requirementIds(b.json)).toEqual(expect.arrayContaining(['EPR-01', 'INS-05', 'PSC-02', 'HDS-02']));
    expect(requirementIds(b.json)).not.toContain('HDS-01');
    expect(a.json.sections.every((s: { status: string }) => s.status === 'not_started')).toBe(true);
    const pen = a.json.sections.find((s: { id: string }) => s.id === 'intrusion');
    expect(pen.requirements.every((r: { sensitive: boolean }) => r.sensitive)).toBe(true);
  });

  it('takes evidence per requirement, section by section, up to the acknowledged complete file', async () => {
    const { id, candidate, companyId } = await admissibleDossier(http, 510, 'company');

    // a requirement that does not apply, and a section with gaps
    expect((await upload(http, candidate, id, { purpose: 'proof', requirementId: 'EPR-01' })).grant.status).toBe(422);
    const gaps = await http.call('POST', `/v1/dossiers/${id}/sections/fonctions/submit`, { token: candidate });
    expect(gaps.status).toBe(422);
    expect(gaps.json.errors.map((e: { path: string }) => e.path)).toEqual([
      'requirements.TLC-01',
      'requirements.TLC-02',
    ]);
    expect(
      (await http.call('POST', `/v1/dossiers/${id}/sections/eprescription/submit`, { token: candidate })).status,
    ).toBe(404);

    // several files for one requirement (web, iOS, Android), and a replaced one
    const web = await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-01', file: pdf('web') });
    const ios = await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-01', file: pdf('ios') });
    await settled(http, candidate, id, web.grant.json.uploadId);
    await settled(http, candidate, id, ios.grant.json.uploadId);
    const withdrawn = await http.call('DELETE', `/v1/dossiers/${id}/uploads/${ios.grant.json.uploadId}`, {
      token: candidate,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.status).toBe('withdrawn');
    const partial = await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: candidate });
    const fonctions = partial.json.sections.find((s: { id: string }) => s.id === 'fonctions');
    expect(fonctions.status).toBe('in_progress');

    const { last, proofs } = await completeFile(http, id, candidate);
    expect(last.json).toMatchObject({ status: 'instruction', complete: true });
    expect(last.json.receipt).toEqual({
      at: expect.any(String),
      seq: expect.any(Number),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const kinds = last.json.deadlines.map((d: { kind: string }) => d.kind).sort();
    expect(kinds).toEqual(['decision', 'ins_test_day']);
    const decision = last.json.deadlines.find((d: { kind: string }) => d.kind === 'decision');
    expect(decision.legalBasis).toContain('R.1470-4');
    expect(new Date(decision.dueAt).getTime() - new Date(last.json.receipt.at).getTime()).toBeGreaterThan(
      180 * 86_400_000,
    );

    // handed-in evidence is frozen
    expect((await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-01' })).grant.status).toBe(409);
    expect(
      (await http.call('DELETE', `/v1/dossiers/${id}/uploads/${proofs['TLC-02']}`, { token: candidate })).status,
    ).toBe(409);

    // FIFO instruction queue by receipt date, and the acknowledgement mail
    const queue = await http.call('GET', '/v1/queue?stage=instruction', { token: await t.instructor() });
    const entry = queue.json.items.find((i: { dossierId: string }) => i.dossierId === id);
    expect(entry).toMatchObject({ companyId, since: last.json.receipt.at });
    const mail = (await http.call('GET', '/_local/mail?to=contact-e510@example.fr')).json.items;
    const receipt = mail.find((m: { subject: string }) => m.subject.includes('Accusé de réception'));
    expect(receipt.text).toContain(last.json.receipt.hash);
    expect(receipt.text).toContain('silence gardé vaut acceptation');
  }, 60_000);
});

describe('sensitive evidence', () => {
  it('lets a security reviewer fetch penetration-test evidence, and nobody else', async () => {
    const { id, candidate } = await admissibleDossier(http, 520, 'company');
    const file = pdf('rapport de test d’intrusion');
    const { grant } = await upload(http, candidate, id, { purpose: 'proof', requirementId: 'PEN-01', file });
    expect(grant.json.url).toContain('sensitiveevidencebucket');
    await settled(http, candidate, id, grant.json.uploadId);

    // the reviewers' own route (issue 23); the general one is not theirs
    const security = await http.call('GET', `/v1/dossiers/${id}/sensitive-evidence/${grant.json.uploadId}/download`, {
      token: await t.security(),
    });
    expect(security.status).toBe(200);
    const bytes = Buffer.from(await (await fetch(security.json.url)).arrayBuffer());
    expect(bytes.equals(file)).toBe(true);
    expect(
      (
        await http.call('GET', `/v1/dossiers/${id}/uploads/${grant.json.uploadId}/download`, {
          token: await t.security(),
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await http.call('GET', `/v1/dossiers/${id}/sensitive-evidence/${grant.json.uploadId}/download`, {
          token: await t.instructor(),
        })
      ).status,
    ).toBe(403);
    // what a review needs and no more: neither the dossier nor its thread
    expect((await http.call('GET', `/v1/dossiers/${id}`, { token: await t.security() })).status).toBe(403);
    expect((await http.call('GET', `/v1/dossiers/${id}/messages`, { token: await t.security() })).status).toBe(403);
    const view = await http.call('GET', `/v1/security/dossiers/${id}`, { token: await t.security() });
    expect(view.status).toBe(200);
    expect(Object.keys(view.json).sort()).toEqual(['id', 'product', 'referentialVersion', 'sections', 'status']);

    expect(
      (
        await http.call('GET', `/v1/dossiers/${id}/uploads/${grant.json.uploadId}/download`, {
          token: await t.instructor(),
        })
      ).status,
    ).toBe(403);
    expect(
      (await http.call('GET', `/v1/dossiers/${id}/uploads/${grant.json.uploadId}/download`, { token: candidate }))
        .status,
    ).toBe(404);
    const stranger = await admissibleDossier(http, 521, 'company');
    expect(
      (
        await http.call('GET', `/v1/dossiers/${id}/uploads/${grant.json.uploadId}/download`, {
          token: stranger.candidate,
        })
      ).status,
    ).toBe(404);
    expect((await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: stranger.candidate })).status).toBe(404);

    // ordinary evidence: instructors may read it; every download is journaled
    const proof = await upload(http, candidate, id, { purpose: 'proof', requirementId: 'TLC-01' });
    await settled(http, candidate, id, proof.grant.json.uploadId);
    expect(
      (
        await http.call('GET', `/v1/dossiers/${id}/uploads/${proof.grant.json.uploadId}/download`, {
          token: await t.instructor(),
        })
      ).status,
    ).toBe(200);
    // a download writes its journal request only; the proof worker chains the event right after
    // the answer (the stream in AWS): read until it is there, as a client of AWS would
    const downloads = async () =>
      (
        (await http.call('GET', `/v1/dossiers/${id}/journal`, { token: await t.instructor() })).json.items as {
          type: string;
          actor: { role: string };
        }[]
      ).filter((e) => e.type === 'evidence_downloaded');
    await expect
      .poll(async () => (await downloads()).map((e) => e.actor.role), { timeout: 15_000 })
      .toEqual(['security_reviewer', 'instructor']);
  });
});

describe('referential import', () => {
  const header = 'section_id;section_title;requirement_id;title;description;profiles;sensitive;expected_evidence';
  const base64 = (s: string | Buffer) => Buffer.from(s).toString('base64');

  it('rejects a malformed spreadsheet with the offending line and stores nothing', async () => {
    const csv = `${header}\nins;INS;INS-01;Traits;d;general;non;x\nins;INS;INS-02;;d;general;non;x\n`;
    const r = await http.call('POST', '/v1/referentials', {
      token: await t.admin(),
      body: { version: '1.9.0', format: 'csv', content: base64(csv) },
    });
    expect(r.status).toBe(400);
    expect(r.json.errors).toEqual([{ path: 'line 3', code: 'title-empty', message: 'title est vide' }]);
    const again = await http.call('POST', '/v1/referentials', {
      token: await t.admin(),
      body: { version: '1.9.0', format: 'csv', content: base64(`${header}\nins;INS;INS-01;Traits;d;general;non;x\n`) },
    });
    expect(again.status).toBe(201); // the failed attempt left nothing behind
  });

  it('imports an XLSX as a new version, for admins only, once; dossiers keep their version', async () => {
    const { id, candidate } = await admissibleDossier(http, 530, 'company');
    const content = writeXlsx('Exigences', header.split(';'), [
      ['ins', 'INS', 'INS-01', 'Traits', 'd', 'general', 'non', 'x'],
      ['pen', 'Intrusion', 'PEN-01', 'Rapport', 'd', 'general', 'oui', 'rapport'],
    ]).toString('base64');
    const body = { version: '2.0.0', format: 'xlsx', content, current: true };
    expect((await http.call('POST', '/v1/referentials', { token: await t.instructor(), body })).status).toBe(403);
    const imported = await http.call('POST', '/v1/referentials', { token: await t.admin(), body });
    expect(imported.status).toBe(201);
    expect(imported.json).toEqual({ version: '2.0.0', sections: 2, requirements: 2, current: true });
    expect((await http.call('POST', '/v1/referentials', { token: await t.admin(), body })).status).toBe(409);
    expect(
      (
        await http.call('POST', '/v1/referentials', {
          token: await t.admin(),
          body: { ...body, version: '2.0.1', content: base64('not a workbook') },
        })
      ).status,
    ).toBe(400);

    expect(
      (await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: candidate })).json.referentialVersion,
    ).toBe('1.4.2');
    const fresh = await admissibleDossier(http, 531, 'company');
    const requirements = await http.call('GET', `/v1/dossiers/${fresh.id}/requirements`, { token: fresh.candidate });
    expect(requirements.json.referentialVersion).toBe('2.0.0');
    expect(requirementIds(requirements.json)).toEqual(['INS-01', 'PEN-01']);
  });
});
