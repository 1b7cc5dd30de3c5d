import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../domain/errors';
import { withOptimisticRetry } from './optimistic-retry';

describe('retrying a read-decide-write step', () => {
  it('runs again after a lost race, up to its attempts, then answers 409', async () => {
    let runs = 0;
    expect(
      await withOptimisticRetry(async () => {
        if (++runs < 3) throw new PreconditionFailedError('raced');
        return 'stored';
      }),
    ).toBe('stored');
    expect(runs).toBe(3);
    runs = 0;
    await expect(
      withOptimisticRetry(async () => {
        runs++;
        throw new PreconditionFailedError('raced');
      }, 4),
    ).rejects.toThrow(ConflictError);
    expect(runs).toBe(4);
  });

  it('never retries any other error', async () => {
    let runs = 0;
    await expect(
      withOptimisticRetry(async () => {
        runs++;
        throw new NotFoundError('gone');
      }),
    ).rejects.toThrow(NotFoundError);
    expect(runs).toBe(1);
  });
});
