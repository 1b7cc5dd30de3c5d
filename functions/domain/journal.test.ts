import { describe, expect, it } from 'vitest';
import { appendEvent, appendEvents, GENESIS, hashEvent, PURGED_ACTOR, purgeEvent, verifyChain } from './journal';

const actor = { sub: 'u', role: 'candidate' };
const { events, head } = appendEvents(GENESIS, [
  { dossierId: 'd', type: 'dossier_created', at: '2026-01-01T00:00:00.000Z', actor, data: { a: 1, b: { c: 2 } } },
  { dossierId: 'd', type: 'dossier_updated', at: '2026-01-02T00:00:00.000Z', actor },
  { dossierId: 'd', type: 'dossier_submitted', at: '2026-01-03T00:00:00.000Z', actor },
]);
const PURGED_AT = '2031-01-01T00:00:00.000Z';

describe('hash-chained journal', () => {
  it('chains each event to the previous one', () => {
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(head).toEqual({ seq: 3, hash: events[2]!.hash });
    expect(verifyChain(events)).toBe(-1);
  });

  it('does not depend on key order', () => {
    const draft = { dossierId: 'd', type: 'dossier_created', at: '2026-01-01T00:00:00.000Z', actor };
    const one = appendEvent(GENESIS, { ...draft, data: { a: 1, b: { c: 2 } } }, 'salt');
    const other = appendEvent(GENESIS, { ...draft, data: { b: { c: 2 }, a: 1 } }, 'salt');
    expect(other.hash).toBe(one.hash);
  });

  it('detects an edited, removed or reordered event', () => {
    expect(verifyChain([events[0]!, { ...events[1]!, at: '2025-12-31T00:00:00.000Z' }, events[2]!])).toBe(1);
    expect(verifyChain([events[0]!, events[2]!])).toBe(1);
    expect(verifyChain([events[1]!, events[0]!])).toBe(0);
  });

  it('detects an edited personal part while its salt is kept', () => {
    expect(verifyChain([{ ...events[0]!, data: { a: 2, b: { c: 2 } } }, ...events.slice(1)])).toBe(0);
    expect(verifyChain([events[0]!, { ...events[1]!, actor: { sub: 'someone-else', role: 'candidate' } }])).toBe(1);
  });

  it('salts each event: the same act by the same person gives another digest', () => {
    const draft = { dossierId: 'd', type: 'dossier_created', at: '2026-01-01T00:00:00.000Z', actor };
    expect(appendEvent(GENESIS, draft).personalDigest).not.toBe(appendEvent(GENESIS, draft).personalDigest);
  });
});

describe('erasing the personal part (retention)', () => {
  const purged = events.map((e) => purgeEvent(e, PURGED_AT)!);

  it('keeps every link checkable once the part and the salt are gone', () => {
    expect(verifyChain(purged)).toBe(-1);
    expect(purged.map((e) => e.hash)).toEqual(events.map((e) => e.hash));
    for (const e of purged) {
      expect(e.actor).toEqual({ sub: PURGED_ACTOR, role: 'candidate' });
      expect(e.data).toEqual({});
      expect(e.salt).toBeUndefined();
      expect(e.purgedAt).toBe(PURGED_AT);
    }
  });

  it('still detects an edited date or type after the purge', () => {
    expect(verifyChain([purged[0]!, { ...purged[1]!, at: '2020-01-01T00:00:00.000Z' }, purged[2]!])).toBe(1);
    expect(verifyChain([{ ...purged[0]!, type: 'dossier_withdrawn' }, ...purged.slice(1)])).toBe(0);
  });

  it('refuses an erased event that still names someone, or data put back without a salt', () => {
    expect(verifyChain([{ ...purged[0]!, actor }, ...purged.slice(1)])).toBe(0);
    expect(verifyChain([{ ...purged[0]!, data: { a: 1 } }, ...purged.slice(1)])).toBe(0);
  });

  it('is idempotent, and leaves an event written before sealing as it is', () => {
    expect(purgeEvent(purged[0]!, '2032-01-01T00:00:00.000Z')).toEqual(purged[0]);
    const { salt: _s, personalDigest: _d, hash: _h, ...legacyDraft } = events[0]!;
    const legacy = { ...legacyDraft, hash: hashEvent(legacyDraft) };
    expect(verifyChain([legacy])).toBe(-1);
    expect(purgeEvent(legacy, PURGED_AT)).toBeNull();
  });
});
