import type { StateMachineDefinition } from '../../workflows/dossier-workflow';

/**
 * Rewrites the deployed ASL for aws-local-stepfunctions, which lacks task tokens and runs
 * long waits on Node timers (that overflow past 24.8 days). Each Lambda task becomes a local
 * handler; each `.waitForTaskToken` task gets a token placeholder and hands its timeout to the
 * virtual-timer service; each Wait state becomes a task parked on that service.
 */
export const TOKEN_PLACEHOLDER = '__LOCAL_TOKEN__';
/** context-object paths the local engine fills itself (the library sets StartTime to the wall clock) */
const CONTEXT_PLACEHOLDERS: Record<string, keyof Placeholders> = {
  '$$.Task.Token': 'token',
  '$$.Execution.StartTime': 'startTime',
  '$$.Execution.Name': 'name',
};
const PLACEHOLDER = (key: keyof Placeholders) => `__LOCAL_${key.toUpperCase()}__`;

export interface Placeholders {
  token?: string;
  startTime?: string;
  name?: string;
}

export type LocalTask =
  | { kind: 'invoke'; functionKey: string }
  | { kind: 'callback'; functionKey: string }
  | { kind: 'startExecution' }
  | { kind: 'wait' };

/**
 * aws-local-stepfunctions gives every Task without `TimeoutSeconds` a 60-second timeout in real
 * time (AWS's default is 99,999,999 s). A parked callback was thus failed with `States.Timeout`
 * after a minute of real time, sent back to Evaluate, and parked again — one more wait per
 * execution every minute while real time passed (issue 12, point 3). Every task gets the longest
 * timeout Node's timers hold (2^31 − 1 ms, about 24.8 days); the real clocks are the engine's.
 */
export const LIBRARY_TASK_TIMEOUT_SECONDS = Math.floor((2 ** 31 - 1) / 1000);

export const prepareForLocal = (definition: StateMachineDefinition) => {
  const copy = structuredClone(definition) as StateMachineDefinition;
  const tasks: Record<string, LocalTask> = {};
  for (const [name, state] of Object.entries(copy.States)) {
    if (
      state.Type === 'Task' &&
      typeof state.Resource === 'string' &&
      state.Resource.startsWith('arn:aws:states:::lambda:invoke')
    ) {
      const params = structuredClone(state.Parameters ?? {}) as Record<string, unknown>;
      const functionKey = String(params.FunctionName ?? '').replace(/^\$\{|\}$/g, '');
      const callback = state.Resource.endsWith('.waitForTaskToken');
      params.Payload = replaceContextPaths(params.Payload);
      if (callback) {
        if (state.TimeoutSecondsPath) params['__timeoutSeconds.$'] = state.TimeoutSecondsPath;
        else if (state.TimeoutSeconds) params.__timeoutSeconds = state.TimeoutSeconds;
        delete state.TimeoutSecondsPath;
        delete state.TimeoutSeconds;
        delete state.HeartbeatSeconds;
        delete state.HeartbeatSecondsPath;
      }
      state.Parameters = params;
      tasks[name] = { kind: callback ? 'callback' : 'invoke', functionKey };
    } else if (state.Type === 'Task' && state.Resource === 'arn:aws:states:::states:startExecution') {
      state.Parameters = replaceContextPaths(state.Parameters);
      state.Resource = 'arn:aws:states:::local:startExecution';
      tasks[name] = { kind: 'startExecution' };
    } else if (state.Type === 'Wait') {
      const params: Record<string, unknown> = {};
      if (state.Seconds !== undefined) params.__seconds = state.Seconds;
      if (state.SecondsPath) params['__seconds.$'] = state.SecondsPath;
      if (state.Timestamp) params.__timestamp = state.Timestamp;
      if (state.TimestampPath) params['__timestamp.$'] = state.TimestampPath;
      for (const k of ['Seconds', 'SecondsPath', 'Timestamp', 'TimestampPath']) delete state[k];
      Object.assign(state, {
        Type: 'Task',
        Resource: 'arn:aws:states:::local:wait',
        Parameters: params,
        ResultPath: null,
      });
      tasks[name] = { kind: 'wait' };
    }
  }
  for (const state of Object.values(copy.States))
    if (state.Type === 'Task') state.TimeoutSeconds = LIBRARY_TASK_TIMEOUT_SECONDS;
  return { definition: copy, tasks };
};

const replaceContextPaths = (value: unknown): unknown => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const placeholder = typeof v === 'string' ? CONTEXT_PLACEHOLDERS[v] : undefined;
    if (key.endsWith('.$') && placeholder) out[key.slice(0, -2)] = PLACEHOLDER(placeholder);
    else out[key] = replaceContextPaths(v);
  }
  return out;
};

/** Puts the engine's values where the context-object paths were. */
export const fillPlaceholders = (value: unknown, values: Placeholders): unknown => {
  if (typeof value === 'string') {
    for (const key of Object.keys(values) as (keyof Placeholders)[]) if (value === PLACEHOLDER(key)) return values[key];
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => fillPlaceholders(v, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPlaceholders(v, values)]));
  }
  return value;
};
