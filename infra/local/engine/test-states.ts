/**
 * States the engine's tests build their small state machines from: a callback task that hands its
 * token to the `Register` function and waits for it (or its timeout).
 */
export const holdForToken = (timeoutSeconds: number, onTimeout: string, next: string) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
  Parameters: {
    FunctionName: '${Register}',
    Payload: { 'dossierId.$': '$.dossierId', 'taskToken.$': '$$.Task.Token' },
  },
  TimeoutSeconds: timeoutSeconds,
  ResultPath: null,
  Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: onTimeout }],
  Next: next,
});
