import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STAGES, stageFromContext } from './stage-config';

const context = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')).context as Record<
  string,
  unknown
>;

describe('per-stage configuration (cdk.json)', () => {
  it('has valid settings for dev, preprod and prod, each with its own alarm topic', () => {
    const topics = STAGES.map(
      (stage) => stageFromContext((k) => (k === 'stage' ? stage : context[k])).config.alarmTopicName,
    );
    expect(new Set(topics).size).toBe(3);
  });

  it('refuses an unknown stage and a stage with a missing setting', () => {
    expect(() => stageFromContext((k) => (k === 'stage' ? 'staging' : context[k]))).toThrow(/unknown stage/);
    expect(() =>
      stageFromContext((k) =>
        k === 'stage' ? 'prod' : k === 'stages' ? { prod: { mailDomain: 'x.org' } } : undefined,
      ),
    ).toThrow(/context.stages.prod is invalid/);
  });
});
