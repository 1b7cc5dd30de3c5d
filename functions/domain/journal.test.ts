import { describe, expect, it } from 'vitest';
import { appendEvents, GENESIS, verifyChain } from './journal';

const actor = { sub: 'u', role: 'candidate' };
const { events, head } = appendEvents(GENESIS, [
  { dossierId: 'd', type: 'dossier_created', at: '2026-01-01T00:00:00.000Z', actor, data: { a: 1, b: { c: 2 } } },
  { dossierId: 'd', type: 'dossier_updated', at: '2026-01-02T00:00:00.000Z', actor },
  { dossierId: 'd', type: 'dossier_submitted', at: '2026-01-03T00:00:00.000Z', actor },
]);

describe('hash-chained journal', () => {
  it('chains each event to the previous one', () => {
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(head).toEqual({ seq: 3, hash: events[2]!.hash });
    expect(verifyChain(events)).toBe(-1);
  });

  it('does not depend on key order', () => {
    const again = appendEvents(GENESIS, [
      { dossierId: 'd', type: 'dossier_created', at: '2026-01-01T00:00:00.000Z', actor, data: { b: { c: 2 }, a: 1 } },
    ]);
    expect(again.events[0]!.hash).toBe(events[0]!.hash);
  });

  it('detects an edited, removed or reordered event', () => {
    expect(verifyChain([events[0]!, { ...events[1]!, at: '2025-12-31T00:00:00.000Z' }, events[2]!])).toBe(1);
    expect(verifyChain([events[0]!, events[2]!])).toBe(1);
    expect(verifyChain([events[1]!, events[0]!])).toBe(0);
  });
});
