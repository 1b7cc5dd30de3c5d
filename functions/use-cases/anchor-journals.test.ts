import { describe, expect, it } from 'vitest';
import { admissibleDossier, admissibleDossierIn } from '../../test/support/use-case-journey';
import { opensslVerifyToken } from '../../test/support/clerk';
import { anchorDigest, parseAnchorText } from '../domain/journal-anchor';
import { anchorJournals } from './anchor-journals';

describe('the daily anchor of every journal', () => {
  it('lists every head once a day (Paris), keeps the list and has its hash timestamped', async () => {
    // 23:30 in Paris on 26 March: the anchor's day is the legal calendar's, not UTC's
    const w = await admissibleDossier('2027-03-26T22:30:00Z', 71);
    const other = await admissibleDossierIn(w, 72);
    expect(await anchorJournals(w.deps)).toEqual({ anchored: true, dossiers: 2 });
    expect(await anchorJournals(w.deps)).toEqual({ anchored: false, dossiers: 0 }); // once a day
    const anchor = (await w.deps.anchors.latest())!;
    expect(anchor.day).toBe('2027-03-26');
    const text = w.storage.objects.get(`evidence/${anchor.key}`)!.body!.toString('utf8');
    expect(anchorDigest(text)).toBe(anchor.digest);
    const heads = parseAnchorText(text);
    for (const id of [w.id, other.id]) {
      const stored = (await w.deps.dossiers.get(id))!;
      expect(heads.find((h) => h.dossierId === id)!.head).toEqual(stored.journalHead);
    }
    const { tsaCertificates } = await w.deps.trust.publicMaterial();
    expect(opensslVerifyToken(anchor.timestamp.token, anchor.digest, tsaCertificates).output).toContain(
      'Verification: OK',
    );
    w.clock.set('2027-03-26T23:30:00Z'); // 00:30 on the 27th in Paris: a new day, a new anchor
    expect((await anchorJournals(w.deps)).anchored).toBe(true);
    expect((await w.deps.anchors.latest())!.day).toBe('2027-03-27');
  });

  it('leaves the day unanchored while the authority is down, and anchors it on the next sweep', async () => {
    const w = await admissibleDossier('2027-03-26T09:00:00Z', 73);
    const trust = w.deps.trust;
    w.deps.trust = { ...trust, stamp: async () => Promise.reject(new Error('the authority answered 503')) };
    await expect(anchorJournals(w.deps)).rejects.toThrow('503');
    expect(await w.deps.anchors.get('2027-03-26')).toBeNull();
    w.deps.trust = trust;
    expect((await anchorJournals(w.deps)).anchored).toBe(true);
  });
});
