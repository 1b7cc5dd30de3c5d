import { Duration } from '../domain/luxon';
import type { CalendarPolicy } from '../domain/calendar';
/** Reads a required environment variable, failing fast at cold start when it is missing. */
export const requireEnv = (name: string): string => {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing environment variable ${name}`);
  return value;
};

export const optionalEnv = (name: string): string | undefined => process.env[name] || undefined;

/** Environment variable names shared by the CDK stack and the handlers. */
export const ENV = {
  table: 'TABLE_NAME',
  evidenceBucket: 'EVIDENCE_BUCKET',
  sensitiveBucket: 'SENSITIVE_EVIDENCE_BUCKET',
  malwareScanning: 'MALWARE_SCANNING',
  stateMachineArn: 'STATE_MACHINE_ARN',
  mailFrom: 'MAIL_FROM',
  sesConfigurationSet: 'SES_CONFIGURATION_SET',
  calendarShift: 'CALENDAR_EXTEND_TO_WORKING_DAY',
  userPoolId: 'USER_POOL_ID',
  ansMailbox: 'ANS_MAILBOX',
  decisionClockOnAnswer: 'DECISION_CLOCK_ON_ANSWER',
  scheduleGroup: 'SCHEDULE_GROUP',
  certificateClockArn: 'CERTIFICATE_CLOCK_ARN',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  exceptionalExpiresOn: 'EXCEPTIONAL_CERTIFICATE_EXPIRES_ON',
  sanctionMinNotice: 'SANCTION_MIN_NOTICE',
  observationsMinNotice: 'OBSERVATIONS_MIN_NOTICE',
  receiptDeemedAfter: 'RECEIPT_DEEMED_AFTER',
  cursorSigningSecret: 'CURSOR_SIGNING_KEY_SECRET',
  originVerifySecret: 'ORIGIN_VERIFY_SECRET',
  /** the seal's KMS key (asymmetric, ECC_NIST_P256) */
  sealKeyId: 'SEAL_KEY_ID',
  /** the SSM parameter holding the public trust material and the timestamp authority's URL */
  trustParameter: 'TRUST_PARAMETER',
  /** the function that seals PDFs (the only one holding the seal key), invoked by the renderer */
  sealFunction: 'SEAL_FUNCTION',
  /** the user pool's issuer URL and the portal's app client: the authoriser's checks */
  tokenIssuer: 'TOKEN_ISSUER',
  portalClientId: 'PORTAL_CLIENT_ID',
} as const;

/**
 * The calendar policy from the environment, read in one place (Lambda and the local stack):
 * the working-day rule is on unless `false`; the decision clock is suspended during an
 * information request unless `DECISION_CLOCK_ON_ANSWER=restart`. Anything else fails fast.
 */
export const calendarPolicyFromEnv = (): CalendarPolicy => {
  const mode = optionalEnv(ENV.decisionClockOnAnswer) ?? 'suspend';
  if (mode !== 'suspend' && mode !== 'restart')
    throw new Error(`${ENV.decisionClockOnAnswer} must be "suspend" or "restart" (got "${mode}")`);
  return {
    extendToWorkingDay: optionalEnv(ENV.calendarShift) !== 'false',
    infoRequestEffect: mode,
    sanctionMinNotice: isoDuration(ENV.sanctionMinNotice),
    observationsMinNotice: isoDuration(ENV.observationsMinNotice),
    receiptDeemedAfter: isoDuration(ENV.receiptDeemedAfter),
  };
};

/** A minimum time limit (ISO 8601, e.g. P15D): the stage's, or 15 days; anything unreadable fails fast. */
const isoDuration = (name: string) => {
  const value = optionalEnv(name) ?? 'P15D';
  if (!Duration.fromISO(value).isValid || Duration.fromISO(value).toMillis() <= 0)
    throw new Error(`${name} must be an ISO 8601 duration such as P15D (got "${value}")`);
  return value;
};
