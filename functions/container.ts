import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeLongClocks } from './adapters/scheduler/eventbridge-long-clocks';
import { CognitoUserDirectory } from './adapters/cognito/cognito-user-directory';
import { S3ObjectStorage } from './adapters/s3/s3-object-storage';
import { createDocumentClient, type DocumentClient } from './adapters/dynamo/client';
import { DynamoCompanyRepository } from './adapters/dynamo/company-repository';
import { DynamoDossierRepository } from './adapters/dynamo/dossier-repository';
import {
  DynamoDocumentJobStore,
  DynamoJournalRequestStore,
  DynamoOutboxStore,
  DynamoStampJobStore,
  DynamoWebhookEventStore,
} from './adapters/dynamo/outbox-store';
import { DynamoApiClientStore } from './adapters/dynamo/api-client-store';
import { DynamoWebhookStore } from './adapters/dynamo/webhook-store';
import { DynamoPersonalDataLog } from './adapters/dynamo/personal-data-log';
import { DynamoCertificateRepository } from './adapters/dynamo/certificate-repository';
import { DynamoReferentialStore } from './adapters/dynamo/referential-store';
import { DynamoMemberStore } from './adapters/dynamo/member-store';
import { DynamoIssuedDocuments } from './adapters/dynamo/issued-documents';
import { DynamoJournalAnchors } from './adapters/dynamo/journal-anchors';
import { DynamoWorkflowStateStore } from './adapters/dynamo/workflow-state-store';
import { SesMailer } from './adapters/ses/ses-mailer';
import { StepFunctionsEngine } from './adapters/sfn/step-functions-engine';
import { systemClock } from './adapters/system-clock';
import { calendarPolicyFromEnv, ENV, optionalEnv, requireEnv } from './config/env';
import type { CalendarPolicy } from './domain/calendar';
import type { Clock } from './domain/clock';
import type { UrlPolicy } from './domain/webhook-url';
import type {
  CompanyRepository,
  DossierRepository,
  Mailer,
  CertificateRepository,
  LongClocks,
  ObjectStorage,
  ReferentialStore,
  OutboxStore,
  DocumentJobStore,
  StampJobStore,
  JournalRequestStore,
  TrustServices,
  IssuedDocuments,
  JournalAnchors,
  UserDirectory,
  CompanyMembers,
  WorkflowEngine,
  WorkflowStateStore,
  ApiClientStore,
  ApiClientDirectory,
  WebhookEventStore,
  WebhookSender,
  WebhookStore,
  PersonalDataLog,
} from './domain/ports';

/** Everything a use case may depend on. Built once per Lambda container (or by the local stack). */
export interface Dependencies {
  clock: Clock;
  calendar: CalendarPolicy;
  dossiers: DossierRepository;
  companies: CompanyRepository;
  workflowState: WorkflowStateStore;
  engine: WorkflowEngine;
  outbox: OutboxStore;
  documentJobs: DocumentJobStore;
  /** trusted timestamps to obtain for events with legal weight */
  stampJobs: StampJobStore;
  /** the journal events reads ask for (downloads), recorded by the proof worker */
  journalRequests: JournalRequestStore;
  /** the sealed documents issued, by hash (the public « Vérifier un document ») */
  issuedDocuments: IssuedDocuments;
  /** the daily anchors of every journal */
  anchors: JournalAnchors;
  /** the seal of issued documents and the timestamp authority */
  trust: TrustServices;
  mailer: Mailer;
  storage: ObjectStorage;
  referentials: ReferentialStore;
  certificates: CertificateRepository;
  longClocks: LongClocks;
  /** the fixed date exceptional certificates expire on (guide §5.4) */
  exceptionalExpiresOn: string;
  users: UserDirectory;
  members: CompanyMembers;
  /** a malware scanner reports on every received file (GuardDuty in AWS); none locally */
  malwareScanning: boolean;
  /** where mail meant for ANS's instructors goes (their shared mailbox) */
  ansMailbox: string;
  /** the companies' API clients: the platform's records, and their credentials at the identity provider */
  apiClients: ApiClientStore;
  apiClientDirectory: ApiClientDirectory;
  /** webhook subscriptions and deliveries, the changes' events to fan out, and the HTTP sender */
  webhooks: WebhookStore;
  webhookEvents: WebhookEventStore;
  webhookSender: WebhookSender;
  /** who asked for their own data, when */
  personalDataLog: PersonalDataLog;
  /** which webhook URLs are allowed: never loopback in AWS (the local stack allows it, for its tests) */
  webhookUrls: UrlPolicy;
}

/** Where mail for ANS's instructors goes when nothing says otherwise (the local stack). */
export const LOCAL_ANS_MAILBOX = 'instruction@ans.localhost';
/** The exceptional regime's fixed end in the seed (arrêté du 9 février 2024). */
export const EXCEPTIONAL_REGIME_END = '2024-12-31';

/**
 * The settings every wiring reads the same way (Lambda and the local stack): one set of defaults.
 * In Lambda the ANS mailbox must be configured (the stack sets it); locally it has a default.
 */
export const settingsFromEnvironment = () => ({
  calendar: calendarPolicyFromEnv(),
  exceptionalExpiresOn: optionalEnv(ENV.exceptionalExpiresOn) ?? EXCEPTIONAL_REGIME_END,
  ansMailbox: process.env.AWS_LAMBDA_FUNCTION_NAME
    ? requireEnv(ENV.ansMailbox)
    : (optionalEnv(ENV.ansMailbox) ?? LOCAL_ANS_MAILBOX),
  malwareScanning: optionalEnv(ENV.malwareScanning) === 'guardduty',
});

/** The adapters that live in the table: the same in Lambda and locally. */
export const tableAdapters = (db: DocumentClient, table: string) => ({
  dossiers: new DynamoDossierRepository(db, table),
  companies: new DynamoCompanyRepository(db, table),
  workflowState: new DynamoWorkflowStateStore(db, table),
  outbox: new DynamoOutboxStore(db, table),
  documentJobs: new DynamoDocumentJobStore(db, table),
  stampJobs: new DynamoStampJobStore(db, table),
  journalRequests: new DynamoJournalRequestStore(db, table),
  issuedDocuments: new DynamoIssuedDocuments(db, table),
  anchors: new DynamoJournalAnchors(db, table),
  referentials: new DynamoReferentialStore(db, table),
  certificates: new DynamoCertificateRepository(db, table),
  members: new DynamoMemberStore(db, table),
  apiClients: new DynamoApiClientStore(db, table),
  webhooks: new DynamoWebhookStore(db, table),
  webhookEvents: new DynamoWebhookEventStore(db, table),
  personalDataLog: new DynamoPersonalDataLog(db, table),
});

/**
 * A port whose adapter is built, and its AWS SDK module loaded, on its first call. Every port
 * method is asynchronous, so a proxy that awaits the adapter before each call is transparent.
 */
const deferred = <T extends object>(load: () => Promise<T>): T => {
  let adapter: Promise<T> | undefined;
  return new Proxy({} as T, {
    get:
      (_, method) =>
      async (...args: unknown[]) => {
        const target = await (adapter ??= load());
        return (target[method as keyof T] as (...a: unknown[]) => unknown).apply(target, args);
      },
  });
};

/** Each adapter is built on first use, so a function only needs the variables of what it touches. */
export const fromEnvironment = (): Dependencies => {
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const db = lazy(() => createDocumentClient(new DynamoDBClient({})));
  const table = () => requireEnv(ENV.table);
  const tables = lazy(() => tableAdapters(db(), table()));
  const settings = lazy(settingsFromEnvironment);
  // each AWS client beyond DynamoDB is loaded on first use: a function that never sends mail never
  // loads SES (the SDK's module loading is most of a cold start)
  const engine = deferred<WorkflowEngine>(async () => {
    const sdk = await import('@aws-sdk/client-sfn');
    return new StepFunctionsEngine(sdk, new sdk.SFNClient({}), requireEnv(ENV.stateMachineArn));
  });
  const mailer = deferred<Mailer>(async () => {
    const sdk = await import('@aws-sdk/client-sesv2');
    return new SesMailer(sdk, new sdk.SESv2Client({}), requireEnv(ENV.mailFrom), optionalEnv(ENV.sesConfigurationSet));
  });
  const storage = deferred<ObjectStorage>(() =>
    S3ObjectStorage.create({ evidence: requireEnv(ENV.evidenceBucket), sensitive: requireEnv(ENV.sensitiveBucket) }),
  );
  const longClocks = deferred<LongClocks>(async () => {
    const sdk = await import('@aws-sdk/client-scheduler');
    return new EventBridgeLongClocks(sdk, new sdk.SchedulerClient({}), {
      groupName: requireEnv(ENV.scheduleGroup),
      targetArn: requireEnv(ENV.certificateClockArn),
      roleArn: requireEnv(ENV.schedulerRoleArn),
    });
  });
  const apiClientDirectory = deferred<ApiClientDirectory>(async () => {
    const sdk = await import('@aws-sdk/client-cognito-identity-provider');
    const { CognitoApiClientDirectory } = await import('./adapters/cognito/cognito-api-clients');
    return new CognitoApiClientDirectory(sdk, new sdk.CognitoIdentityProviderClient({}), requireEnv(ENV.userPoolId));
  });
  const users = deferred<UserDirectory>(async () => {
    const sdk = await import('@aws-sdk/client-cognito-identity-provider');
    return new CognitoUserDirectory(sdk, new sdk.CognitoIdentityProviderClient({}), requireEnv(ENV.userPoolId));
  });
  return {
    clock: systemClock,
    get ansMailbox() {
      return settings().ansMailbox;
    },
    get calendar() {
      return settings().calendar;
    },
    get malwareScanning() {
      return settings().malwareScanning;
    },
    get dossiers() {
      return tables().dossiers;
    },
    get companies() {
      return tables().companies;
    },
    get workflowState() {
      return tables().workflowState;
    },
    get engine() {
      return engine;
    },
    get outbox() {
      return tables().outbox;
    },
    get documentJobs() {
      return tables().documentJobs;
    },
    get stampJobs() {
      return tables().stampJobs;
    },
    get journalRequests() {
      return tables().journalRequests;
    },
    get issuedDocuments() {
      return tables().issuedDocuments;
    },
    get anchors() {
      return tables().anchors;
    },
    get trust() {
      // the proof services weigh (pkijs, @signpdf, pdf-lib): only the functions that use them
      // register them (`useTrustServices`), so that no other bundle carries them
      return slot.__tlcTrust ?? NO_TRUST;
    },
    get mailer() {
      return mailer;
    },
    get storage() {
      return storage;
    },
    get certificates() {
      return tables().certificates;
    },
    get longClocks() {
      return longClocks;
    },
    get exceptionalExpiresOn() {
      return settings().exceptionalExpiresOn;
    },
    get referentials() {
      return tables().referentials;
    },
    get members() {
      return tables().members;
    },
    get users() {
      return users;
    },
    get apiClients() {
      return tables().apiClients;
    },
    get apiClientDirectory() {
      return apiClientDirectory;
    },
    get webhooks() {
      return tables().webhooks;
    },
    get webhookEvents() {
      return tables().webhookEvents;
    },
    get personalDataLog() {
      return tables().personalDataLog;
    },
    get webhookSender() {
      // the sender and its SSRF guard weigh (ipaddr.js): only the webhook worker registers one
      return slot.__tlcWebhookSender ?? NO_SENDER;
    },
    webhookUrls: { allowLoopback: false },
  };
};

// kept on globalThis so that every copy of this module (loaders may instantiate it twice
// under different specifiers) sees the same dependencies
const slot = globalThis as typeof globalThis & {
  __tlcDependencies?: Dependencies;
  __tlcTrust?: TrustServices;
  __tlcWebhookSender?: WebhookSender;
};

/** What a function that registered no webhook sender has: each send fails, nothing is bundled. */
const NO_SENDER: WebhookSender = {
  send: async () => Promise.reject(new Error('this function sends no webhooks (useWebhookSender)')),
};

/** The webhook worker's sender (https only, public addresses only: domain/webhook-url.ts). */
export const useWebhookSender = (sender: WebhookSender): void => {
  slot.__tlcWebhookSender = sender;
};

const noTrust = async () => Promise.reject(new Error('this function has no proof services (useTrustServices)'));
/** What a function that registered no proof services has: each call fails, nothing is bundled. */
const NO_TRUST: TrustServices = { stamp: noTrust, sealPdf: noTrust, publicMaterial: noTrust };

/** The proof services of a Lambda function that needs them (the proof worker, the public trust route). */
export const useTrustServices = (trust: TrustServices): void => {
  slot.__tlcTrust = trust;
};

export const dependencies = (): Dependencies => (slot.__tlcDependencies ??= fromEnvironment());

/** Used by the local stack (virtual clock, local engine) and by handler tests. */
export const useDependencies = (deps: Dependencies | undefined): void => {
  slot.__tlcDependencies = deps;
};
