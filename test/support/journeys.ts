import { api, companyBody, siret, PLANNED_COMPLETE_PROOF_DATE } from './api-client';

/** Journeys are shared by tests and the benchmark: they check with plain errors, not a test runner. */
const expect = (actual: unknown) => ({
  toBe: (expected: unknown) => {
    if (actual !== expected) throw new Error(`expected ${String(expected)}, got ${String(actual)}`);
  },
});
import { pdf, settled, upload } from './uploads';

type Http = ReturnType<typeof api>;

/**
 * How late a legal clock's timer may wake and still be on time. The Evaluate rounds its wait up
 * to a whole second, and Step Functions counts a callback's timeout from when the task is
 * scheduled — after the Evaluate stored its work, a few hundred milliseconds on a busy machine —
 * so the wake falls up to a second and that delay after the legal instant. The effect is dated at
 * its legal instant whatever the wake (tests check `closedAt`); a read applies nothing, so it shows
 * the effect once the timer woke, and a command before that applies it itself (legal effects first).
 */
export const WAKE_SLACK_MS = 5_000;

export const tokens = (http: Http) => ({
  admin: () => http.token({ role: 'admin', sub: 'support' }),
  instructor: () => http.token({ role: 'instructor', sub: 'instructor-1' }),
  security: () => http.token({ role: 'security_reviewer', sub: 'secu-1' }),
  college: () => http.token({ role: 'college', sub: 'college-1' }),
  candidate: (companyId: string) => http.token({ role: 'candidate', sub: `cand-${companyId}`, ensId: companyId }),
});

export const PROFILE_SETS = {
  company: {
    useCase: 'teleconsultation_company',
    deployedInTeleconsultationCompany: true,
    profiles: ['general', 'identity_referential', 'hds_third_party'],
  },
  practice: {
    useCase: 'city_practice',
    deployedInTeleconsultationCompany: false,
    profiles: [
      'general',
      'identity_referential',
      'e_prescription',
      'identity_referential_insi_card',
      'hds_self_hosted',
      'ciba',
    ],
  },
} as const;

/** Registers a company and files a complete candidature: it awaits the admissibility decision. */
export const submittedDossier = async (
  http: Http,
  seed: number,
  set: keyof typeof PROFILE_SETS = 'company',
  extra: Record<string, unknown> = {},
  companyExtra: Record<string, unknown> = {},
) => {
  const t = tokens(http);
  const company = await http.call('POST', '/v1/companies', {
    token: await t.admin(),
    body: { ...companyBody(siret(seed), `e${seed}`), ...companyExtra },
  });
  expect(company.status).toBe(201);
  const companyId = company.json.id as string;
  const candidate = await t.candidate(companyId);
  const created = await http.call('POST', '/v1/dossiers', {
    token: candidate,
    body: {
      product: { name: `Produit ${seed}`, version: '1.0' },
      ...PROFILE_SETS[set],
      profiles: [...PROFILE_SETS[set].profiles],
      plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
      publishPlannedDate: true,
      nie: 'NIE-1',
      nil: 'NIL-1',
      ...extra,
    },
  });
  expect(created.status).toBe(201);
  const id = created.json.id as string;
  const doc = await upload(http, candidate, id, {});
  expect((await settled(http, candidate, id, doc.grant.json.uploadId)).status).toBe('received');
  expect((await http.call('POST', `/v1/dossiers/${id}/submit`, { token: candidate })).status).toBe(200);
  return { id, companyId, candidate };
};

/** Registers a company and takes a candidature up to evidence deposit. */
export const admissibleDossier = async (...args: Parameters<typeof submittedDossier>) => {
  const [http] = args;
  const { id, companyId, candidate } = await submittedDossier(...args);
  const verdict = await http.call('POST', `/v1/dossiers/${id}/admissibility`, {
    token: await tokens(http).instructor(),
    body: { decision: 'admissible' },
  });
  expect(verdict.status).toBe(200);
  return { id, companyId, candidate };
};

/** Uploads one received proof for every applicable requirement and hands in every section. */
export const completeFile = async (http: Http, id: string, candidate: string) => {
  const requirements = await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: candidate });
  expect(requirements.status).toBe(200);
  const proofs: Record<string, string> = {};
  for (const section of requirements.json.sections) {
    for (const requirement of section.requirements) {
      const { grant } = await upload(http, candidate, id, {
        purpose: 'proof',
        requirementId: requirement.id,
        file: pdf(`preuve ${requirement.id}`),
      });
      expect(grant.status).toBe(201);
      expect((await settled(http, candidate, id, grant.json.uploadId)).status).toBe('received');
      proofs[requirement.id] = grant.json.uploadId;
    }
  }
  let last;
  for (const section of requirements.json.sections) {
    last = await http.call('POST', `/v1/dossiers/${id}/sections/${section.id}/submit`, { token: candidate });
    expect(last.status).toBe(200);
  }
  return {
    proofs,
    last: last!,
    sections: requirements.json.sections as { id: string; requirements: { id: string; sensitive: boolean }[] }[],
  };
};

/** Reviews every received proof as compliant (sensitive ones by a security reviewer). */
export const reviewAll = async (http: Http, id: string, skip: string[] = []) => {
  const t = tokens(http);
  const instructor = await t.instructor();
  const security = await t.security();
  const requirements = await http.call('GET', `/v1/dossiers/${id}/requirements`, { token: instructor });
  for (const section of requirements.json.sections) {
    for (const requirement of section.requirements) {
      for (const proof of requirement.proofs) {
        if (proof.status !== 'received' || skip.includes(requirement.id) || proof.review) continue;
        const review = await http.call('POST', `/v1/dossiers/${id}/proofs/${proof.id}/review`, {
          token: requirement.sensitive ? security : instructor,
          body: { verdict: 'compliant' },
        });
        expect(review.status).toBe(200);
      }
    }
  }
};

/** Proposes and passes the INS test day. */
/** Today in Paris on the stack's virtual clock (YYYY-MM-DD). */
export const todayInParis = async (http: Http) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(
    new Date((await http.call('GET', '/_local/clock')).json.now as string),
  );

/** The INS test day held today (a day proposed, then its outcome recorded once it took place). */
export const passInsTestDay = async (http: Http, id: string, candidate: string) => {
  const t = tokens(http);
  const date = await todayInParis(http);
  expect(
    (await http.call('POST', `/v1/dossiers/${id}/ins-test-day`, { token: candidate, body: { proposedDate: date } }))
      .status,
  ).toBe(200);
  expect(
    (
      await http.call('POST', `/v1/dossiers/${id}/ins-test-day/outcome`, {
        token: await t.instructor(),
        body: { outcome: 'passed' },
      })
    ).status,
  ).toBe(200);
};

/** From evidence deposit to a favourable report: the convention awaits the company's signature. */
export const conventionToSign = async (http: Http, seed: number) => {
  const t = tokens(http);
  const d = await admissibleDossier(http, seed, 'company');
  await completeFile(http, d.id, d.candidate);
  await reviewAll(http, d.id);
  await passInsTestDay(http, d.id, d.candidate);
  expect(
    (await http.call('POST', `/v1/dossiers/${d.id}/instruction/complete`, { token: await t.instructor() })).status,
  ).toBe(200);
  return d;
};

/** From evidence deposit to a dossier waiting for the collège. */
export const readyForCollege = async (http: Http, seed: number) => {
  const t = tokens(http);
  const d = await conventionToSign(http, seed);
  // a fresh token: signing needs a sign-in of less than 15 minutes (RFC 9470 step-up)
  const signed = await http.call('POST', `/v1/dossiers/${d.id}/convention/sign`, {
    token: await t.candidate(d.companyId),
    body: { signatoryName: 'Camille Martin' },
  });
  expect(signed.status).toBe(200);
  return d;
};
