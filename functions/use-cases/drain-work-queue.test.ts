import { describe, expect, it } from 'vitest';
import { InMemoryWorkQueue, ManualClock } from '../adapters/memory/in-memory';
import { drainWorkQueue } from './drain-work-queue';

describe('draining a claim-once work queue', () => {
  it('does each pending item once, and puts a failed one back with its error for the next run', async () => {
    const queue = new InMemoryWorkQueue<{ id: string }>();
    for (const id of ['a', 'b', 'c']) queue.add({ id });
    const done: string[] = [];
    const clock = new ManualClock(new Date('2027-01-04T08:00:00Z'));
    const first = await drainWorkQueue(queue, clock, async ({ id }) => {
      if (id === 'b') throw new Error('SES throttled');
      done.push(id);
    });
    expect(first).toEqual({ done: 2, failed: 1 });
    expect(queue.messages.get('b')).toMatchObject({ state: 'pending', error: 'SES throttled' });
    const second = await drainWorkQueue(queue, clock, async ({ id }) => void done.push(id));
    expect(second).toEqual({ done: 1, failed: 0 });
    expect(done).toEqual(['a', 'c', 'b']);
    // an item another worker claimed is skipped, not done twice
    queue.add({ id: 'd' });
    await queue.claim('d');
    expect(await drainWorkQueue(queue, clock, async () => undefined, [queue.messages.get('d')!])).toEqual({
      done: 0,
      failed: 0,
    });
  });
});
