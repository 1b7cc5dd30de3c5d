import { describe, expect, it } from 'vitest';
import { fillPlaceholders, LIBRARY_TASK_TIMEOUT_SECONDS, prepareForLocal, TOKEN_PLACEHOLDER } from './asl-prepass';

const definition = {
  StartAt: 'Callback',
  States: {
    Callback: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: '${RegisterFn}', Payload: { 'id.$': '$.id', 'token.$': '$$.Task.Token' } },
      TimeoutSecondsPath: '$.seconds',
      HeartbeatSeconds: 60,
      Next: 'Pause',
    },
    Pause: { Type: 'Wait', TimestampPath: '$.until', Next: 'Invoke' },
    Invoke: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: '${EvaluateFn}', Payload: {} },
      End: true,
    },
  },
};

describe('ASL pre-pass for the local engine', () => {
  const { definition: local, tasks } = prepareForLocal(definition);

  it('maps each Lambda task to its function and marks callbacks', () => {
    expect(tasks).toEqual({
      Callback: { kind: 'callback', functionKey: 'RegisterFn' },
      Pause: { kind: 'wait' },
      Invoke: { kind: 'invoke', functionKey: 'EvaluateFn' },
    });
  });

  it('moves timeouts and waits off Node timers onto the virtual-timer service', () => {
    expect(local.States.Callback).not.toHaveProperty('TimeoutSecondsPath');
    expect(local.States.Callback).not.toHaveProperty('HeartbeatSeconds');
    expect(local.States.Callback!.Parameters).toMatchObject({
      '__timeoutSeconds.$': '$.seconds',
      Payload: { token: TOKEN_PLACEHOLDER },
    });
    expect(local.States.Pause).toMatchObject({
      Type: 'Task',
      Parameters: { '__timestamp.$': '$.until' },
      ResultPath: null,
      Next: 'Invoke',
    });
  });

  it('leaves the deployed definition untouched and fills tokens', () => {
    expect(definition.States.Callback.TimeoutSecondsPath).toBe('$.seconds');
    expect(fillPlaceholders({ a: [TOKEN_PLACEHOLDER], b: { c: TOKEN_PLACEHOLDER } }, { token: 't-1' })).toEqual({
      a: ['t-1'],
      b: { c: 't-1' },
    });
  });

  it('never lets the library time a task out after its default minute of real time', () => {
    // the library's default (60 s) failed parked callbacks and leaked a wait per minute
    for (const state of Object.values(local.States).filter((st) => st.Type === 'Task'))
      expect(state.TimeoutSeconds).toBe(LIBRARY_TASK_TIMEOUT_SECONDS);
    expect(LIBRARY_TASK_TIMEOUT_SECONDS * 1000).toBeLessThanOrEqual(2 ** 31 - 1); // a Node timer holds it
    expect(LIBRARY_TASK_TIMEOUT_SECONDS).toBeGreaterThan(24 * 86_400);
  });
});
