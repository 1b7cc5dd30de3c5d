/**
 * The dossier workflow, in Amazon States Language: the ONE definition that CDK deploys and the
 * local engine runs. Function ARNs are `${...}` definition substitutions.
 *
 * Re-entrant by design: every execution starts at Evaluate, which reads the stored dossier and
 * routes on its phase. Human steps are callbacks (.waitForTaskToken, token stored by
 * RegisterWait for the API); legal clocks are the callback's timeout, computed by the domain
 * as the seconds until the next legal instant. A wake-up (signal or timeout) always goes back
 * to Evaluate, which decides on stored facts, so a replay or a late signal changes nothing.
 */
export const WORKFLOW_FUNCTIONS = {
  EvaluateFunctionArn: 'evaluate',
  RegisterWaitFunctionArn: 'registerWait',
} as const;
export type WorkflowFunctionKey = keyof typeof WORKFLOW_FUNCTIONS;
/** The ARN successors are started on: the state machine's alias, so a successor runs the
 * version deployed at its start (spelt from fixed names: no reference cycle). */
export const SUCCESSOR_ARN = 'SuccessorStateMachineArn';

const LAMBDA_ERRORS = [
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.TooManyRequestsException',
];
const backoff = { IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2 };
/** Evaluate is idempotent: any failure (throttling, a lost race) is retried. */
const evaluateRetry = [{ ErrorEquals: [...LAMBDA_ERRORS, 'States.TaskFailed'], ...backoff }];
/** A callback is retried only when invoking its function failed; never on its timeout,
 * which is the legal clock firing and must reach the Catch. */
const callbackRetry = [{ ErrorEquals: LAMBDA_ERRORS, ...backoff }];

export const dossierWorkflow = {
  Comment: 'Certification dossier: phases, human callbacks and legal clocks',
  StartAt: 'Evaluate',
  States: {
    Evaluate: {
      Type: 'Task',
      Comment: 'Reads the dossier, applies any legal effect that fell due, says what to wait for',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: {
        FunctionName: '${EvaluateFunctionArn}',
        // the whole state (dossier, generation, wake-ups so far) and the execution's age
        Payload: { 'input.$': '$', 'startedAt.$': '$$.Execution.StartTime' },
      },
      OutputPath: '$.Payload',
      Retry: evaluateRetry,
      Next: 'Route',
    },
    Route: {
      Type: 'Choice',
      Choices: [
        { Variable: '$.action', StringEquals: 'wait', Next: 'AwaitSignal' },
        { Variable: '$.action', StringEquals: 'handOver', Next: 'HandOver' },
      ],
      Default: 'Closed',
    },
    HandOver: {
      Type: 'Task',
      Comment:
        'Starts the next generation before this execution nears AWS limits (one year, 25,000 events); it resumes at Evaluate',
      Resource: 'arn:aws:states:::states:startExecution',
      Parameters: {
        StateMachineArn: '${SuccessorStateMachineArn}',
        'Name.$': '$.successor',
        Input: { 'dossierId.$': '$.dossierId', 'generation.$': '$.generation' },
      },
      Retry: [
        { ErrorEquals: ['StepFunctions.SdkClientException', 'StepFunctions.StepFunctionsException'], ...backoff },
      ],
      // the successor exists already (a replay): the reconciler checks it runs
      Catch: [{ ErrorEquals: ['StepFunctions.ExecutionAlreadyExistsException'], ResultPath: null, Next: 'HandedOver' }],
      ResultPath: null,
      Next: 'HandedOver',
    },
    HandedOver: { Type: 'Succeed', Comment: 'A successor keeps the dossier’s clocks' },
    AwaitSignal: {
      Type: 'Task',
      Comment: 'Waits for a human step (API resumes the token) or for the next legal instant (timeout)',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: '${RegisterWaitFunctionArn}',
        Payload: {
          'dossierId.$': '$.dossierId',
          'waitingFor.$': '$.waitingFor',
          'generation.$': '$.generation',
          'wakeAt.$': '$.wakeAt',
          'version.$': '$.version',
          'taskToken.$': '$$.Task.Token',
        },
      },
      TimeoutSecondsPath: '$.waitSeconds',
      ResultPath: null,
      Retry: callbackRetry,
      Catch: [{ ErrorEquals: ['States.Timeout'], ResultPath: null, Next: 'Evaluate' }],
      Next: 'Evaluate',
    },
    Closed: { Type: 'Succeed', Comment: 'The dossier is closed (certified, refused, abandoned, withdrawn)' },
  },
} as const;

export type StateMachineDefinition = {
  Comment?: string;
  StartAt: string;
  States: Record<string, Record<string, unknown>>;
};
