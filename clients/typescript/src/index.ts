import { createHash } from 'node:crypto';
import createClient, { type Client } from 'openapi-fetch';
import { Webhook } from 'standardwebhooks';
import type { components, paths } from './schema';

/**
 * The typed client of the certification API for a company's own tools: types generated from the
 * service's OpenAPI document (`npm run portal:api` writes them), tokens by the OAuth 2.0
 * client-credentials grant, renewed before they expire, evidence uploaded with its checksum, and
 * webhook deliveries verified the Standard Webhooks way.
 */
export type Schemas = components['schemas'];
export type { paths };
type UploadRequest = NonNullable<
  paths['/v1/dossiers/{id}/uploads']['post']['requestBody']
>['content']['application/json'];

export interface ClientOptions {
  /** the API, e.g. https://portail.certification.example.org (locally http://127.0.0.1:3000) */
  baseUrl: string;
  /** Cognito's token endpoint (the stack's `TokenEndpoint` output; locally `${baseUrl}/_local/oauth2/token`) */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** An RFC 9457 problem the service answered, with its stable `code`. */
export class CertificationApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: { code?: string; title?: string; detail?: string } | undefined,
  ) {
    super(`${status} ${problem?.code ?? ''}: ${problem?.detail ?? problem?.title ?? 'the service refused'}`);
  }
}

/** Gets and renews the access token (60 s before it expires). */
const tokenSource = (options: ClientOptions) => {
  let token: { value: string; until: number } | undefined;
  return async () => {
    if (token && token.until > Date.now() + 60_000) return token.value;
    const response = await fetch(options.tokenUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=tlc-api%2Fcandidate',
    });
    const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !body.access_token)
      throw new CertificationApiError(response.status, { code: body.error, detail: 'no token for this client' });
    token = { value: body.access_token, until: Date.now() + (body.expires_in ?? 3600) * 1000 };
    return token.value;
  };
};

export interface CertificationClient {
  /** every route of the API, typed (`api.GET('/v1/dossiers')`, `api.POST('/v1/dossiers', { body })`) */
  api: Client<paths>;
  /** the data of a call, or a CertificationApiError */
  data: <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => Promise<T>;
  /** announces a file (name, type, size, SHA-256), PUTs it to its presigned URL, waits for the service to settle it */
  upload: (
    dossierId: string,
    file: { bytes: Uint8Array; fileName: string; contentType: string },
    meta: Pick<UploadRequest, 'purpose' | 'requirementId'>,
  ) => Promise<{ uploadId: string; status: string }>;
}

export const createCertificationClient = (options: ClientOptions): CertificationClient => {
  const token = tokenSource(options);
  const api = createClient<paths>({ baseUrl: options.baseUrl });
  api.use({
    async onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${await token()}`);
      return request;
    },
  });
  const data = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>) => {
    const { data: body, error, response } = await call;
    if (error !== undefined || body === undefined)
      throw new CertificationApiError(response.status, error as CertificationApiError['problem']);
    return body;
  };
  const upload: CertificationClient['upload'] = async (dossierId, file, meta) => {
    const sha256 = createHash('sha256').update(file.bytes).digest('base64');
    const grant = await data(
      api.POST('/v1/dossiers/{id}/uploads', {
        params: { path: { id: dossierId } },
        body: {
          purpose: meta.purpose,
          ...(meta.requirementId ? { requirementId: meta.requirementId } : {}),
          fileName: file.fileName,
          contentType: file.contentType,
          size: file.bytes.byteLength,
          sha256,
        },
      }),
    );
    // asked without `parts`, the grant is one PUT of the whole file
    if (typeof grant.url !== 'string') throw new Error('expected a single PUT grant');
    const single = grant as { url: string; method: 'PUT'; headers: Record<string, string> };
    // the storage checks the checksum the grant was signed with: a different byte is refused
    const put = await fetch(single.url, { method: single.method, headers: single.headers, body: file.bytes });
    if (!put.ok) throw new CertificationApiError(put.status, { detail: 'the storage refused the file' });
    // the service settles the file once the storage tells it (received, or rejected with its reason)
    for (let attempt = 0; attempt < 150; attempt++) {
      const dossier = await data(api.GET('/v1/dossiers/{id}', { params: { path: { id: dossierId } } }));
      const found = (dossier.uploads ?? []).find((u) => u.id === grant.uploadId);
      if (found && found.status !== 'pending') return { uploadId: grant.uploadId, status: found.status };
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`upload ${grant.uploadId} is still pending`);
  };
  return { api, data, upload };
};

/** A delivery's payload once its signature is checked (throws on a forged or replayed one). */
export interface WebhookEvent {
  id: string;
  type: 'dossier.status_changed' | 'notification.issued' | 'upload.settled' | 'certificate.status_changed';
  occurredAt: string;
  data: Record<string, string>;
}

export const verifyWebhook = (secret: string, body: string, headers: Record<string, string>): WebhookEvent =>
  new Webhook(secret).verify(body, headers) as WebhookEvent;
