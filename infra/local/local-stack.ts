import path from 'node:path';
import { CreateTableCommand, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { Server } from 'node:http';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { DynamoOutboxStore } from '../../functions/adapters/dynamo/outbox-store';
import { SesMailer } from '../../functions/adapters/ses/ses-mailer';
import { S3ObjectStorage } from '../../functions/adapters/s3/s3-object-storage';
import { handler as objectCreated } from '../../functions/events/object-created';
import { handler as mailFeedback } from '../../functions/events/mail-feedback';
import { withMailboxSimulator } from './simulated-mailbox';
import { stampEvents } from '../../functions/use-cases/stamp-events';
import { anchorJournals } from '../../functions/use-cases/anchor-journals';
import { localSigner, openLocalTrust } from '../../functions/adapters/trust/local-trust';
import { rfc3161Stamp } from '../../functions/adapters/trust/rfc3161-client';
import {
  LocalTimestampAuthority,
  localPublicMaterial,
  trustServices,
} from '../../functions/adapters/trust/trust-services';
import { settingsFromEnvironment, tableAdapters, useDependencies, type Dependencies } from '../../functions/container';
import { addIsoDuration } from '../../functions/domain/calendar';
import { clockAdvanceSchema, localTokenRequestSchema, tsaAvailabilitySchema } from '../../functions/domain/schemas';
import { z } from 'zod';
import { problem } from '../../functions/http/problem';
import { json } from '../../functions/http/http-handler';
import type { HttpResponse } from '../../functions/http/types';
import { ROUTES } from '../../functions/http/routes';
import { dispatchOutbox } from '../../functions/use-cases/dispatch-outbox';
import { renderDocuments } from '../../functions/use-cases/render-documents';
import { recordJournalRequests } from '../../functions/use-cases/record-journal-requests';
import { evaluateCertificate } from '../../functions/use-cases/certificate-life';
import { nextPurgeAt, purgeExpired } from '../../functions/use-cases/purge-expired';
import { expireItems } from './ttl-sweep';
import { nextReconcileAt, reconcile, type ReconcileReport } from '../../functions/use-cases/reconcile';
import { evaluate as evaluateTask } from '../../functions/workflow/evaluate';
import { handler as registerWaitTask } from '../../functions/workflow/register-wait';
import { dossierWorkflow, WORKFLOW_FUNCTIONS } from '../../workflows/dossier-workflow';
import { createHttpServer, lambdaContext, type BodyStats, type LambdaHttpHandler } from './http-server';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDb, startS3, startSes } from './services';
import { startS3Gate } from './s3-gate';
import { localName, readResources } from './template-resources';
import { LocalTokenIssuer } from './token-issuer';
import { clockStartFromEnvironment, VirtualClock } from './virtual-clock';
import { ConflictError } from '../../functions/domain/errors';
import { problemResponse } from '../../functions/http/problem';
import { zodErrors } from '../../functions/http/request';
import { LocalWorkflowEngine } from './workflow-engine';
import { portalFiles } from './portal-files';
import { scanTable } from '../ops/scan-table';
import { HttpWebhookSender } from '../../functions/adapters/http/webhook-sender';
import { fanOutWebhookEvents } from '../../functions/use-cases/deliver-webhooks';
import { LocalApiClientDirectory, oauthTokenRoute } from './oauth-clients';
import { startWebhookPump } from './webhook-pump';

const localStopExecutionSchema = z.object({ dossierId: z.string().min(1).max(64) }).strict();

export interface LocalStackOptions {
  port: number;
  dataDir: string;
  dynamoPort: number;
  s3Port: number;
  sesPort: number;
  quiet?: boolean;
  /** the built portal (default `portal/dist`) */
  portalDir?: string;
  /** where a fresh stack's virtual clock begins (default: `LOCAL_CLOCK_START`, else the wall clock) */
  clockStart?: Date;
}

export interface LocalStack {
  url: string;
  bodyStats: BodyStats;
  endpoints: { dynamodb: string; s3: string; ses: string };
  /** the DynamoDB Local JVM's process id (the leader of its process group) */
  dynamoPid: number;
  buckets: { evidence: string; sensitive: string };
  tableName: string;
  urls: Record<string, string>;
  engine: LocalWorkflowEngine;
  stop: () => Promise<void>;
}

const badRequest = (detail: string, errors?: { path: string; message: string }[]) =>
  problem(400, 'validation-error', 'The request is malformed', detail, undefined, errors);

const parseJson = (body: string): unknown => {
  try {
    return JSON.parse(body || 'null');
  } catch {
    return undefined;
  }
};

/** Starts the whole system on this machine: emulators, tables and buckets from the synthesised
 * template, the workflow engine, and the HTTP API with the local-only routes. */
export const startLocalStack = async (options: LocalStackOptions): Promise<LocalStack> => {
  const log = (...args: unknown[]) => options.quiet || console.log(...args);
  const { tables, buckets } = readResources();
  const table = tables.find((t) => t.globalSecondaryIndexes.length > 0) ?? tables[0]!;
  const tableName = localName(table.logicalId);
  const evidenceBucket = buckets.find((b) => b.logicalId.startsWith('EvidenceBucket'));
  const sensitiveBucket = buckets.find((b) => b.logicalId.startsWith('SensitiveEvidenceBucket'));

  const [dynamo, s3, ses] = await Promise.all([
    startDynamoDb(options.dynamoPort, path.join(options.dataDir, 'dynamodb')),
    // the emulator listens on a port of its own: only the SigV4 gate below reaches it
    startS3(
      0,
      path.join(options.dataDir, 's3'),
      buckets.map((b) => ({ name: localName(b.logicalId), cors: b.cors })),
    ),
    startSes(options.sesPort),
  ]);
  // S3's endpoint: every request verified as S3 does (SigV4, expiry, signed headers, checksum,
  // conditional writes) before the emulator stores or serves anything
  const s3Gate = await startS3Gate({
    port: options.s3Port,
    upstream: s3.endpoint,
    credentials: LOCAL_CREDENTIALS,
    region: LOCAL_REGION,
  });
  const stops: (() => Promise<void>)[] = [s3Gate.stop, dynamo.stop, s3.stop, ses.stop];
  const storageBuckets = {
    evidence: evidenceBucket ? localName(evidenceBucket.logicalId) : 'evidence',
    sensitive: sensitiveBucket ? localName(sensitiveBucket.logicalId) : 'sensitive',
  };

  try {
    const raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const { TableNames = [] } = await raw.send(new ListTablesCommand({}));
    for (const spec of tables) {
      const name = localName(spec.logicalId);
      if (TableNames.includes(name)) continue;
      await raw.send(
        new CreateTableCommand({
          TableName: name,
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: spec.keySchema,
          AttributeDefinitions: spec.attributeDefinitions,
          GlobalSecondaryIndexes: spec.globalSecondaryIndexes.length
            ? (spec.globalSecondaryIndexes as never)
            : undefined,
        }),
      );
    }
    const db = createDocumentClient(raw);
    const clock = new VirtualClock(db, tableName);
    await clock.load(options.clockStart ?? clockStartFromEnvironment());

    const outbox = new DynamoOutboxStore(db, tableName);
    const sesSdk = await import('@aws-sdk/client-sesv2');
    // object-created events and SES feedback are handled asynchronously, as S3 notifications and
    // SNS deliveries are; the drain waits for them so that a test or a clock move sees their effects
    const background = new Set<Promise<unknown>>();
    const inBackground = (task: Promise<unknown>) => {
      background.add(task);
      void task.finally(() => background.delete(task));
    };
    const mailer = withMailboxSimulator(
      new SesMailer(
        sesSdk,
        new sesSdk.SESv2Client({ endpoint: ses.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
        'ne-pas-repondre@certification.localhost',
      ),
      async () => mailFeedback as never,
      lambdaContext('mail-feedback'),
      inBackground,
    );
    // the engine needs the outbox drain and the drain needs the dependencies, engine included
    const ref: { deps?: Dependencies } = {};
    const storage = await S3ObjectStorage.create(
      storageBuckets,
      {
        endpoint: s3Gate.endpoint,
        region: LOCAL_REGION,
        credentials: LOCAL_CREDENTIALS,
        forcePathStyle: true,
      },
      // s3rver keeps no versions: an erasure lists and deletes the objects themselves
      { versioned: false },
    );
    // the outbox and the document jobs, as their stream functions would
    /** this stack's address, known once its HTTP server listens (the local TSA is served there) */
    const apiAddress: { url?: string } = {};
    /** the webhook worker, started once the dependencies are (a fan-out that made deliveries kicks it) */
    const pump: { kick?: () => void } = {};
    const drainOutbox = async () => {
      // the proof worker's work needs the timestamp authority, served by this stack's own HTTP
      // server: until it listens (the executions resumed at start drain too), mail only
      const proof = apiAddress.url !== undefined;
      // the day's journal anchor, as the proof worker's first sweep of the day makes it in AWS
      if (proof)
        await anchorJournals(ref.deps!).catch((error: unknown) =>
          console.error('[proof] journal anchor failed:', (error as Error).message),
        );
      for (let round = 0; round < 20; round++) {
        const { rendered } = proof ? await renderDocuments(ref.deps!) : { rendered: 0 };
        const { sent } = await dispatchOutbox(ref.deps!);
        const { stamped } = proof ? await stampEvents(ref.deps!) : { stamped: 0 };
        const { recorded } = await recordJournalRequests(ref.deps!);
        // the changes' webhook events become deliveries here; the pump makes them, beside requests
        const { batches, deliveries } = await fanOutWebhookEvents(ref.deps!);
        if (deliveries) pump.kick?.();
        if (sent === 0 && rendered === 0 && stamped === 0 && recorded === 0 && batches === 0) return;
      }
    };
    /** Waits for pending object-created handlers, then sends the mail. Never called from inside
     * one of those handlers (they wait for the engine, which drains the outbox itself). */
    const settle = async () => {
      while (background.size) await Promise.allSettled([...background]);
      await drainOutbox();
    };
    const invoke = async (functionKey: string, payload: unknown) => {
      const name = WORKFLOW_FUNCTIONS[functionKey as keyof typeof WORKFLOW_FUNCTIONS];
      const handler = name === 'evaluate' ? evaluateTask : registerWaitTask;
      return handler(payload as never, lambdaContext(`task-${name}`));
    };
    const reconcilerRuns: ({ at: string } & ReconcileReport)[] = [];
    const engine = new LocalWorkflowEngine(dossierWorkflow, invoke, clock, db, tableName, drainOutbox);
    // the proof services: the stack's own seal and timestamp authority, the authority reached over
    // HTTP by the same RFC 3161 client as in AWS (its address is known once the server listens)
    const trustMaterial = await openLocalTrust(path.join(options.dataDir, 'trust'));
    const tsa = new LocalTimestampAuthority(trustMaterial, clock);
    const trust = trustServices({
      seal: async () =>
        localSigner(trustMaterial.seal.certificate, trustMaterial.seal.key, [trustMaterial.root.certificate]),
      stamp: async (sha256) => ({ token: await rfc3161Stamp(`${apiAddress.url}/_local/tsa`)(sha256), tsa: 'local' }),
      publicMaterial: async () => localPublicMaterial(trustMaterial),
    });
    const apiClientDirectory = await LocalApiClientDirectory.open(options.dataDir);
    // the same factory and defaults as the Lambdas; only what runs differently here is local
    const deps: Dependencies = {
      clock,
      ...settingsFromEnvironment(),
      ...tableAdapters(db, tableName),
      outbox,
      mailer,
      engine,
      storage,
      trust,
      longClocks: engine,
      // Cognito stands aside locally: `POST /_local/token` issues the tokens an invitation would lead to
      // the local issuer stands for Cognito: an invited account's id is its email
      users: {
        invite: async (user) => `invited:${user.email}`,
        // the local issuer keeps no accounts to disable: the removed binding refuses the account's
        // tokens, and no new token binds it again (POST /_local/token answers 409)
        disable: async () => {},
      },
      // no scanner runs here: received files show `not_scanned`, never clean
      malwareScanning: false,
      // Cognito's app clients stand aside locally: ids and hashed secrets in the data directory
      apiClientDirectory,
      // the same sender and guard as in AWS, loopback allowed (tests listen on 127.0.0.1), no private network
      webhookUrls: { allowLoopback: true },
      webhookSender: new HttpWebhookSender({ allowLoopback: true }, Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000)),
    };
    ref.deps = deps;
    const webhookPump = startWebhookPump(deps);
    pump.kick = webhookPump.kick;
    stops.unshift(() => webhookPump.stop());
    engine.onSchedule((number) => evaluateCertificate(deps, number));
    // the reconciler, every virtual hour (every 15 minutes in AWS); the purge rides on the same
    // boundaries (daily in AWS): both look only when their index says something is due
    engine.onPeriodic({
      next: async () => {
        const instants = [await nextReconcileAt(deps), await nextPurgeAt(deps)].filter((n) => n !== undefined);
        return instants.length ? Math.min(...instants) : undefined;
      },
      run: async () => {
        const report = await reconcile(deps);
        reconcilerRuns.push({ at: clock.now().toISOString(), ...report });
        if (reconcilerRuns.length > 100) reconcilerRuns.shift();
        const purge = await purgeExpired(deps);
        const expired = await expireItems(db, tableName, clock.now());
        if (purge.noticed.length || purge.purged.length || expired)
          console.log(
            `[retention] ${purge.noticed.length} notice(s), ${purge.purged.length} dossier(s) erased, ${expired} item(s) expired`,
          );
      },
    });
    useDependencies(deps);
    process.env.TABLE_NAME = tableName;
    if (evidenceBucket) process.env.EVIDENCE_BUCKET = localName(evidenceBucket.logicalId);
    if (sensitiveBucket) process.env.SENSITIVE_EVIDENCE_BUCKET = localName(sensitiveBucket.logicalId);

    s3.s3.on('event', (event: unknown) => {
      const task = objectCreated(event as never, lambdaContext('object-created'))
        .catch((error: unknown) => console.error('[s3] object-created handler failed:', (error as Error).message))
        .finally(() => background.delete(task));
      background.add(task);
    });

    const issuer = await LocalTokenIssuer.open(options.dataDir);
    const handlers: Record<string, LambdaHttpHandler> = {};
    for (const route of ROUTES) {
      const module = (await import(`../../functions/http/handlers/${route.handler}.ts`)) as {
        handler: LambdaHttpHandler;
      };
      handlers[route.handler] = module.handler;
    }

    const localRoutes = {
      'POST /_local/token': async ({ body }: { body: string }): Promise<HttpResponse> => {
        const parsed = localTokenRequestSchema.safeParse(parseJson(body));
        if (!parsed.success) return badRequest('expected { role, sub, email?, ensId? }', zodErrors(parsed.error));
        // the local issuer is the identity provider: a candidate's account is bound to its company
        // when first seen, and never moves to another one (409), as the invitation does in AWS
        if (parsed.data.role === 'candidate' || parsed.data.roles?.includes('candidate')) {
          try {
            await deps.members.bind(parsed.data.sub, parsed.data.ensId!, parsed.data.email);
          } catch (error) {
            if (error instanceof ConflictError) return problemResponse(error, '/_local/token');
            throw error;
          }
        }
        return json(200, { token: await issuer.issue(parsed.data, clock.now()) });
      },
      // Cognito's token endpoint for the companies' API clients (client-credentials grant)
      'POST /_local/oauth2/token': oauthTokenRoute(apiClientDirectory, issuer, clock),
      'POST /_local/clock': async ({ body }: { body: string }): Promise<HttpResponse> => {
        const parsed = clockAdvanceSchema.safeParse(parseJson(body));
        if (!parsed.success)
          return badRequest(
            'expected { advance: "<ISO 8601 duration>" } or { to: "<RFC 3339 instant>" }, e.g. { "advance": "P61D" }',
            zodErrors(parsed.error),
          );
        const { advance, to, timers } = parsed.data;
        const target = to ? new Date(to) : addIsoDuration(clock.now(), advance!);
        if (!target) return badRequest('advance must be a positive ISO 8601 duration, e.g. "P61D"');
        await settle();
        if (target.getTime() < clock.now().getTime())
          return problemResponse(
            new ConflictError(`the clock never moves back: it is already ${clock.now().toISOString()}`),
            '/_local/clock',
          );
        const now = timers === 'hold' ? await engine.moveHoldingTimers(target) : await engine.advanceTo(target);
        await settle();
        return json(200, { now: now.toISOString() });
      },
      // what the streams and S3 notifications would have done by now: waits for all of it (tests)
      'POST /_local/settle': async (): Promise<HttpResponse> => {
        await settle();
        return json(200, { settled: true });
      },
      'GET /_local/workflow': async (): Promise<HttpResponse> =>
        json(200, { ...engine.describe(), reconciler: reconcilerRuns.slice(-20) }),
      // StopExecution, as an operator (or a lost deployment) would: the reconciler must notice
      'POST /_local/workflow/stop': async ({ body }: { body: string }): Promise<HttpResponse> => {
        const parsed = localStopExecutionSchema.safeParse(parseJson(body));
        if (!parsed.success) return badRequest('expected { dossierId }', zodErrors(parsed.error));
        const stopped = await engine.stopExecution(parsed.data.dossierId);
        await settle();
        return json(200, { stopped: stopped ?? null });
      },
      // the local sign-in page offers the registered companies (local only: AWS has no such list)
      'GET /_local/companies': async (): Promise<HttpResponse> => {
        const items: { id: string; name: string }[] = [];
        const companies = scanTable(db, {
          TableName: tableName,
          FilterExpression: '#t = :company',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: { ':company': 'company' },
        });
        for await (const item of companies) items.push({ id: item.company.id, name: item.company.name });
        return json(200, { items: items.sort((a, b) => a.name.localeCompare(b.name, 'fr')) });
      },
      'GET /_local/clock': async (): Promise<HttpResponse> => json(200, { now: clock.now().toISOString() }),
      // the local RFC 3161 timestamp authority (DER in, DER out), as an outside authority answers
      'POST /_local/tsa': async ({ raw }: { raw: Buffer }): Promise<HttpResponse> => {
        const answer = await tsa.respond(new Uint8Array(raw));
        return typeof answer.body === 'string'
          ? { statusCode: answer.status, headers: { 'content-type': 'text/plain' }, body: answer.body }
          : {
              statusCode: answer.status,
              headers: { 'content-type': 'application/timestamp-reply' },
              body: Buffer.from(answer.body).toString('base64'),
              isBase64Encoded: true,
            };
      },
      // plays an outage of the timestamp authority: { available: false } until { available: true }
      'POST /_local/tsa/availability': async ({ body }: { body: string }): Promise<HttpResponse> => {
        const parsed = tsaAvailabilitySchema.safeParse(parseJson(body));
        if (!parsed.success) return badRequest('expected { available: boolean }', zodErrors(parsed.error));
        tsa.unavailable = !parsed.data.available;
        if (parsed.data.available) await settle();
        return json(200, { available: parsed.data.available });
      },
      'GET /_local/mail': async ({ query }: { query: URLSearchParams }): Promise<HttpResponse> => {
        await settle();
        const response = await fetch(`${ses.endpoint}/store`);
        const store = (await response.json()) as {
          emails: {
            destination: { to: string[] };
            subject: string;
            body: { text?: string; html?: string };
            at: number;
            headers?: { name: string; value: string }[];
          }[];
        };
        const to = query.get('to')?.toLowerCase();
        const items = store.emails
          .filter((e) => !to || e.destination.to.some((t) => t.toLowerCase() === to))
          .map((e) => ({
            to: e.destination.to,
            subject: e.subject,
            text: e.body.text ?? '',
            at: e.headers?.find((h) => h.name === 'X-Tlc-Sent-At')?.value ?? new Date(e.at * 1000).toISOString(),
          }));
        return json(200, { items });
      },
    };

    const bodyStats: BodyStats = { requests: 0, bytes: 0, largest: 0, evidenceBytes: 0 };
    const server: Server = createHttpServer({
      stats: bodyStats,
      portal: portalFiles(path.resolve(options.portalDir ?? 'portal/dist'), [s3Gate.endpoint]),
      validateResponses: process.env.VALIDATE_RESPONSES === '1',
      handlers,
      verify: async (token) => (await issuer.verify(token, clock.now())) as Record<string, unknown>,
      localRoutes,
      afterRequest: settle,
      // the download's journal request is recorded after the answer, as the stream does in AWS
      afterJournaledRead: () =>
        inBackground(
          drainOutbox().catch((error: unknown) => console.error('[journal] drain failed:', (error as Error).message)),
        ),
    });
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(options.port, '127.0.0.1', resolve),
    );
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const url = `http://127.0.0.1:${port}`;
    apiAddress.url = url;
    stops.unshift(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );

    const recovered = await engine.recover();
    stops.unshift(async () => engine.stop());
    await drainOutbox();

    const urls = {
      portal: `${url}/`,
      api: url,
      health: `${url}/health`,
      openapi: `${url}/v1/openapi.json`,
      mailViewer: `${ses.endpoint}/`,
      dynamodb: dynamo.endpoint,
      s3: s3Gate.endpoint,
    };
    log(`Local stack ready (data in ${options.dataDir}; ${recovered} workflow execution(s) resumed)`);
    for (const [name, value] of Object.entries(urls)) log(`  ${name.padEnd(10)} ${value}`);
    return {
      url,
      urls,
      engine,
      bodyStats,
      endpoints: { dynamodb: dynamo.endpoint, s3: s3Gate.endpoint, ses: ses.endpoint },
      dynamoPid: dynamo.pid,
      buckets: storageBuckets,
      tableName,
      stop: async () => {
        useDependencies(undefined);
        for (const stop of stops) await stop().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw error;
  }
};
