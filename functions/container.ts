import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { EventBridgeLongClocks } from './adapters/scheduler/eventbridge-long-clocks';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CognitoUserDirectory } from './adapters/cognito/cognito-user-directory';
import { S3ObjectStorage } from './adapters/s3/s3-object-storage';
import { createDocumentClient } from './adapters/dynamo/client';
import { DynamoCompanyRepository } from './adapters/dynamo/company-repository';
import { DynamoDossierRepository } from './adapters/dynamo/dossier-repository';
import { DynamoOutboxStore } from './adapters/dynamo/outbox-store';
import { DynamoCertificateRepository } from './adapters/dynamo/certificate-repository';
import { DynamoReferentialStore } from './adapters/dynamo/referential-store';
import { DynamoMemberStore } from './adapters/dynamo/member-store';
import { DynamoWorkflowStateStore } from './adapters/dynamo/workflow-state-store';
import { SesMailer } from './adapters/ses/ses-mailer';
import { StepFunctionsEngine } from './adapters/sfn/step-functions-engine';
import { systemClock } from './adapters/system-clock';
import { calendarPolicyFromEnv, ENV, optionalEnv, requireEnv } from './config/env';
import type { CalendarPolicy } from './domain/calendar';
import type { Clock } from './domain/clock';
import type {
  CompanyRepository,
  DossierRepository,
  Mailer,
  CertificateRepository,
  LongClocks,
  ObjectStorage,
  ReferentialStore,
  OutboxStore,
  UserDirectory,
  CompanyMembers,
  WorkflowEngine,
  WorkflowStateStore,
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
}

/** Each adapter is built on first use, so a function only needs the variables of what it touches. */
export const fromEnvironment = (): Dependencies => {
  const lazy = <T>(make: () => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  const db = lazy(() => createDocumentClient(new DynamoDBClient({})));
  const table = () => requireEnv(ENV.table);
  const dossiers = lazy(() => new DynamoDossierRepository(db(), table()));
  const companies = lazy(() => new DynamoCompanyRepository(db(), table()));
  const workflowState = lazy(() => new DynamoWorkflowStateStore(db(), table()));
  const outbox = lazy(() => new DynamoOutboxStore(db(), table()));
  const engine = lazy(() => new StepFunctionsEngine(new SFNClient({}), requireEnv(ENV.stateMachineArn)));
  const mailer = lazy(
    () => new SesMailer(new SESv2Client({}), requireEnv(ENV.mailFrom), optionalEnv(ENV.sesConfigurationSet)),
  );
  const storage = lazy(
    () =>
      new S3ObjectStorage(S3ObjectStorage.client(), {
        evidence: requireEnv(ENV.evidenceBucket),
        sensitive: requireEnv(ENV.sensitiveBucket),
      }),
  );
  const certificates = lazy(() => new DynamoCertificateRepository(db(), table()));
  const longClocks = lazy(
    () =>
      new EventBridgeLongClocks(new SchedulerClient({}), {
        groupName: requireEnv(ENV.scheduleGroup),
        targetArn: requireEnv(ENV.certificateClockArn),
        roleArn: requireEnv(ENV.schedulerRoleArn),
      }),
  );
  const referentials = lazy(() => new DynamoReferentialStore(db(), table()));
  const members = lazy(() => new DynamoMemberStore(db(), table()));
  const users = lazy(() => new CognitoUserDirectory(new CognitoIdentityProviderClient({}), requireEnv(ENV.userPoolId)));
  return {
    clock: systemClock,
    ansMailbox: optionalEnv(ENV.ansMailbox) ?? 'instruction-teleconsultation@esante.gouv.fr',
    calendar: calendarPolicyFromEnv(),
    malwareScanning: optionalEnv(ENV.malwareScanning) === 'guardduty',
    get dossiers() {
      return dossiers();
    },
    get companies() {
      return companies();
    },
    get workflowState() {
      return workflowState();
    },
    get engine() {
      return engine();
    },
    get outbox() {
      return outbox();
    },
    get mailer() {
      return mailer();
    },
    get storage() {
      return storage();
    },
    get certificates() {
      return certificates();
    },
    get longClocks() {
      return longClocks();
    },
    exceptionalExpiresOn: optionalEnv(ENV.exceptionalExpiresOn) ?? '2024-12-31',
    get referentials() {
      return referentials();
    },
    get members() {
      return members();
    },
    get users() {
      return users();
    },
  };
};

// kept on globalThis so that every copy of this module (loaders may instantiate it twice
// under different specifiers) sees the same dependencies
const slot = globalThis as typeof globalThis & { __tlcDependencies?: Dependencies };

export const dependencies = (): Dependencies => (slot.__tlcDependencies ??= fromEnvironment());

/** Used by the local stack (virtual clock, local engine) and by handler tests. */
export const useDependencies = (deps: Dependencies | undefined): void => {
  slot.__tlcDependencies = deps;
};
