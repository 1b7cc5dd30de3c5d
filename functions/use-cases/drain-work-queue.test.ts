import { describe, expect, it } from 'vitest';
import { InMemoryWorkQueue, ManualClock } from '../adapters/memory/in-memory';
import { CLAIM_LEASE_MS } from '../domain/ports';
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
    await queue.claim('d', clock.now().toISOString());
    expect(await drainWorkQueue(queue, clock, async () => undefined, [queue.messages.get('d')!])).toEqual({
      done: 0,
      failed: 0,
    });
    expect(await drainWorkQueue(queue, clock, async () => undefined)).toEqual({ done: 0, failed: 0 });
    // …until its claim is older than the lease: its worker died, the sweep does the item
    clock.advance(CLAIM_LEASE_MS + 1);
    expect(await drainWorkQueue(queue, clock, async ({ id }) => void done.push(id))).toEqual({ done: 1, failed: 0 });
    expect(done.at(-1)).toBe('d');
  });
});
