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
} as const;
