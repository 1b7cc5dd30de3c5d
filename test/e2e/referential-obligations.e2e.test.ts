import { describe, expect, it } from 'vitest';
import { api, companyBody, siret, PLANNED_COMPLETE_PROOF_DATE } from '../support/api-client';
import { settled, upload } from '../support/uploads';
import * as journey from '../support/journeys';
import { useLocalStack } from '../support/local-stack';

/**
 * Issue 22, point 11, over HTTP: the referential's data says what the law requires from when —
 * an obligation with its effective date (e-prescription, « exigée … pour fin 2024 ») and the
 * decision period of its version (R.1470-4: six months unless an arrêté sets less).
 */
let http: ReturnType<typeof api>;
let t: ReturnType<typeof journey.tokens>;
useLocalStack((ctx) => ({ http, t } = ctx));

const header = 'section_id;section_title;requirement_id;title;description;profiles;sensitive;expected_evidence';
const base64 = (s: string) => Buffer.from(s).toString('base64');

describe('11. obligations with effective dates, and the decision period of a referential version', () => {
  it('refuses a health facility’s candidature without e-prescription, naming the obligation and its date', async () => {
    const company = await http.call('POST', '/v1/companies', {
      token: await t.admin(),
      body: companyBody(siret(2281), 'e2281'),
    });
    const candidate = await t.candidate(company.json.id);
    const created = await http.call('POST', '/v1/dossiers', {
      token: candidate,
      body: {
        product: { name: 'Produit 2281', version: '1.0' },
        useCase: 'health_facility',
        deployedInTeleconsultationCompany: false,
        profiles: ['general', 'identity_consumer', 'identity_referential_insi_card', 'hds_third_party'],
        plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
        publishPlannedDate: false,
      },
    });
    expect(created.status).toBe(201);
    const doc = await upload(http, candidate, created.json.id, {});
    expect((await settled(http, candidate, created.json.id, doc.grant.json.uploadId)).status).toBe('received');
    const submit = await http.call('POST', `/v1/dossiers/${created.json.id}/submit`, { token: candidate });
    expect(submit.status).toBe(422);
    expect(submit.json.errors).toEqual([
      expect.objectContaining({
        path: 'profiles',
        code: 'profile-matrix',
        message: expect.stringContaining(
          'le profil e_prescription est obligatoire pour le cas d’usage health_facility depuis le 2025-01-01',
        ),
      }),
    ]);
    const patched = await http.call('PATCH', `/v1/dossiers/${created.json.id}`, {
      token: candidate,
      headers: { 'if-match': '*' },
      body: {
        profiles: [
          'general',
          'identity_consumer',
          'identity_referential_insi_card',
          'hds_third_party',
          'e_prescription',
        ],
      },
    });
    expect(patched.status).toBe(200);
    expect((await http.call('POST', `/v1/dossiers/${created.json.id}/submit`, { token: candidate })).status).toBe(200);
  });

  it('counts the decision period the referential version sets', async () => {
    const csv = `${header}\nins;INS;INS-01;Traits INS;d;general;non;capture\n`;
    const imported = await http.call('POST', '/v1/referentials', {
      token: await t.admin(),
      body: { version: '3.0.0', format: 'csv', content: base64(csv), current: true, decisionPeriod: 'P4M' },
    });
    expect(imported.status).toBe(201);
    const wrong = await http.call('POST', '/v1/referentials', {
      token: await t.admin(),
      body: { version: '3.0.1', format: 'csv', content: base64(csv), decisionPeriod: 'PT4H' },
    });
    expect(wrong.status).toBe(400);
    const d = await journey.admissibleDossier(http, 2282, 'company');
    const { last } = await journey.completeFile(http, d.id, d.candidate);
    const receivedAt = Date.parse(last.json.receipt.at);
    const due = Date.parse(last.json.decisionDueAt);
    // four months (and the end of the day, and a weekend's shift at most), not six
    expect(due - receivedAt).toBeGreaterThan(118 * 86_400_000);
    expect(due - receivedAt).toBeLessThan(128 * 86_400_000);
    expect(last.json.decisionClock).toMatchObject({ state: 'running' });
  });
});
