/**
 * AWS Step Functions (Standard) quotas the local engine enforces, so that nothing passes here
 * that would fail in AWS. https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html
 */
export const AWS_LIMITS = {
  /** maximum execution time of a Standard workflow: one year */
  executionLifeMs: 365 * 24 * 3600 * 1000,
  /** maximum execution history size */
  historyEvents: 25_000,
  /** maximum input or output size of a task, state or execution (UTF-8) */
  payloadBytes: 256 * 1024,
  /** the reconciler's period locally: every virtual hour (15 minutes in AWS) */
  reconcilePeriodMs: 3600 * 1000,
} as const;

export const payloadBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');

/**
 * History events AWS writes for what aws-local-stepfunctions reports: each state entered and
 * exited is one event; the task's own events (scheduled, started, submitted, succeeded) are
 * counted by the engine where the task runs.
 */
export const awsHistoryEvents = (type: string): number => {
  switch (type) {
    case 'StateEntered':
    case 'StateExited':
    case 'StateRetried':
    case 'StateCaught':
    case 'ExecutionSucceeded':
    case 'ExecutionFailed':
      return 1;
    default:
      return 0;
  }
};
