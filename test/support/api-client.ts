/** A request body as sent: strings as they are (to send malformed JSON), anything else as JSON. */
export const bodyText = (body: unknown): string | undefined =>
  body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);

/** A small HTTP client for the e2e tests: real requests against the started stack. */
export const api = (base: string) => {
  const call = async (
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: bodyText(options.body),
    });
    const text = await response.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json, text };
  };
  const token = async (claims: { role: string; sub: string; ensId?: string; email?: string }) =>
    (await call('POST', '/_local/token', { body: claims })).json.token as string;
  return { call, token };
};

export const person = (tag: string) => ({
  firstName: 'Camille',
  lastName: 'Martin',
  email: `${tag}@example.fr`,
  phone: '+33 1 23 45 67 89',
});

export const companyBody = (siret: string, tag = 'acme') => ({
  name: `Société ${tag}`,
  siret,
  legalRepresentative: person(`rep-${tag}`),
  contact: person(`contact-${tag}`),
});

/**
 * A planned date of a complete file that no test's clock reaches (tests move the stack's clock by
 * years): the service refuses, at submission, a date already past in Paris.
 */
export const PLANNED_COMPLETE_PROOF_DATE = '2099-06-30';

/** A candidature complete enough to be submitted (teleconsultation company profile set). */
export const candidatureBody = (name: string) => ({
  product: { name, version: '1.0' },
  useCase: 'teleconsultation_company' as const,
  profiles: ['general', 'identity_referential', 'hds_third_party'] as (
    'general' | 'identity_referential' | 'hds_third_party'
  )[],
  deployedInTeleconsultationCompany: true,
  plannedCompleteProofDate: PLANNED_COMPLETE_PROOF_DATE,
  publishPlannedDate: false,
  nie: 'NIE-1',
  nil: 'NIL-1',
});

export const draftBody = (name = 'TéléDoc') => ({
  product: { name, version: '1.0.0' },
  useCase: 'teleconsultation_company',
  profiles: ['general', 'identity_referential', 'hds_third_party'],
});

/** Luhn-valid 14-digit SIRETs, distinct per seed. */
export const siret = (seed: number): string => {
  const base = `7328${String(seed).padStart(9, '0')}`;
  for (let d = 0; d <= 9; d++) {
    const candidate = base + d;
    let sum = 0;
    for (let i = 0; i < 14; i++) {
      let n = Number(candidate[13 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
};
