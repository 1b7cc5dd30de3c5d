/**
 * A company's tool, end to end, with the typed client: files a candidature, uploads a document
 * (presigned PUT with its SHA-256), subscribes a webhook on a server of its own, submits, and waits
 * for the dossier's events, each one's signature verified.
 *
 *   TLC_BASE_URL=http://127.0.0.1:3000 TLC_CLIENT_ID=… TLC_CLIENT_SECRET=… \
 *     npx tsx clients/typescript/examples/file-a-candidature.ts
 *
 * `TLC_TOKEN_URL` defaults to the local stack's token endpoint; `TLC_WEBHOOK_HOST` is the address
 * the platform can reach this machine at (locally 127.0.0.1; in AWS an https endpoint of yours).
 */
import { createServer } from 'node:http';
import { createCertificationClient, verifyWebhook, type WebhookEvent } from '../src/index';

const env = (name: string, fallback?: string) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`set ${name}`);
  return value;
};
const baseUrl = env('TLC_BASE_URL', 'http://127.0.0.1:3000');
const client = createCertificationClient({
  baseUrl,
  tokenUrl: env('TLC_TOKEN_URL', `${baseUrl}/_local/oauth2/token`),
  clientId: env('TLC_CLIENT_ID'),
  clientSecret: env('TLC_CLIENT_SECRET'),
});
const { api, data } = client;

// 1. a receiver for the webhook: each delivery verified before it is believed
const events: WebhookEvent[] = [];
let secret = '';
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
      const event = verifyWebhook(secret, Buffer.concat(chunks).toString('utf8'), headers);
      // the same webhook-id again is a retry of a delivery already handled: answered, not redone
      if (!events.some((e) => e.id === event.id)) events.push(event);
      res.writeHead(204).end();
    } catch {
      res.writeHead(400).end();
    }
  });
});
await new Promise<void>((resolve) => receiver.listen(0, env('TLC_WEBHOOK_HOST', '127.0.0.1'), resolve));
const { port } = receiver.address() as { port: number };

// 2. a candidature, filed by the client for the company it acts for (its record says which)
const draft = await data(
  api.POST('/v1/dossiers', {
    body: {
      product: { name: `Produit CI ${new Date().toISOString().slice(0, 19)}`, version: '1.0' },
      useCase: 'teleconsultation_company',
      profiles: ['general', 'identity_referential', 'hds_third_party'],
      deployedInTeleconsultationCompany: true,
      plannedCompleteProofDate: '2099-06-30',
      publishPlannedDate: false,
      nie: 'NIE-1',
      nil: 'NIL-1',
    },
  }),
);
console.log(`dossier ${draft.id} filed (${draft.status})`);
const { companyId } = await data(api.GET('/v1/dossiers/{id}', { params: { path: { id: draft.id } } }));

// 3. the webhook, on the dossier's status changes and settled uploads
const hook = await data(
  api.POST('/v1/companies/{id}/webhooks', {
    params: { path: { id: companyId } },
    body: {
      url: `http://${env('TLC_WEBHOOK_HOST', '127.0.0.1')}:${port}/tlc`,
      events: ['dossier.status_changed', 'upload.settled'],
    },
  }),
);
secret = hook.secret;
console.log(`webhook ${hook.id} subscribed`);

// 4. the functional documentation, uploaded with its checksum
const document = Buffer.from('%PDF-1.4\n% Documentation fonctionnelle\n%%EOF\n');
const uploaded = await client.upload(
  draft.id,
  { bytes: document, fileName: 'documentation-fonctionnelle.pdf', contentType: 'application/pdf' },
  { purpose: 'functional_documentation' },
);
console.log(`upload ${uploaded.uploadId} ${uploaded.status}`);

// 5. submitted; then the events, as the platform sends them
const submitted = await data(api.POST('/v1/dossiers/{id}/submit', { params: { path: { id: draft.id } } }));
console.log(`dossier ${draft.id} submitted (${submitted.status})`);
const deadline = Date.now() + 30_000;
while (!events.some((e) => e.type === 'dossier.status_changed') && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 200));
for (const e of events) console.log(`event ${e.type} ${JSON.stringify(e.data)} (signature verified)`);
receiver.close();
if (!events.some((e) => e.type === 'dossier.status_changed')) {
  console.error('no status change heard of within 30 s');
  process.exit(1);
}
