import type { Dependencies } from '../container';
import { PreconditionFailedError } from '../domain/errors';
import { purgeEvent } from '../domain/journal';
import { erasePersonalFields } from '../domain/personal-data';
import type { ObjectStoreName } from '../domain/ports';
import { noticeRetention, purgeDue } from '../domain/dossier-rules/retention';
import { commitChange } from './commit-dossier';
import { loadDossier } from './legal-effects';

/** Every place a dossier's files live: both buckets, under the dossier's own prefix. */
const STORES: ObjectStoreName[] = ['evidence', 'sensitive'];
const BATCH = 25;

export interface PurgeReport {
  noticed: string[];
  purged: { dossierId: string; category: string; objects: number; events: number }[];
  /** events written before sealing existed: kept as they are, their chain intact */
  legacyEvents: number;
}

/**
 * The end of retention (RGPD art. 5-1-e; domain/retention.ts), run daily (hourly on the local
 * stack's virtual clock): for each closed dossier whose retention has something due, legal effects
 * first, then its notice to the company, or — once due — the erasure: every file and version under
 * its prefix in both buckets, its uploads and messages, each journal event's personal part and
 * salt, and its record replaced by a tombstone. Idempotent: a run cut short is taken up again the
 * next time (the record, erased last, keeps the dossier in the index until then).
 */
export const purgeExpired = async (deps: Dependencies): Promise<PurgeReport> => {
  const report: PurgeReport = { noticed: [], purged: [], legacyEvents: 0 };
  const seen = new Set<string>();
  for (;;) {
    const due = (await deps.dossiers.retentionDue(deps.clock.now().toISOString(), BATCH)).filter(
      (d) => !seen.has(d.dossierId),
    );
    if (!due.length) return report;
    for (const { dossierId } of due) {
      seen.add(dossierId);
      await purgeOne(deps, dossierId, report).catch((error: unknown) => {
        // another writer moved the dossier: the next run reads it again
        if (!(error instanceof PreconditionFailedError)) throw error;
      });
    }
  }
};

const purgeOne = async (deps: Dependencies, dossierId: string, report: PurgeReport) => {
  const stored = await loadDossier(deps, dossierId);
  if (!stored) return;
  const now = deps.clock.now();
  const notice = noticeRetention(stored.dossier, now);
  if (notice) {
    await commitChange(deps, stored, notice);
    report.noticed.push(dossierId);
    return;
  }
  const tombstone = purgeDue(stored.dossier, now);
  if (!tombstone) return;
  let objects = 0;
  for (const store of STORES) objects += await deps.storage.removeAll(store, `dossiers/${dossierId}/`);
  const journal = await deps.dossiers.journal(dossierId);
  const erased = journal.map((e) => purgeEvent(e, tombstone.purgedAt));
  report.legacyEvents += erased.filter((e) => e === null).length;
  const events = erased.filter((e): e is NonNullable<typeof e> => e !== null);
  // a certificate outlives nothing of its dossier's people: its personal fields go with them
  const certificate = tombstone.certificateNumber ? await deps.certificates.get(tombstone.certificateNumber) : null;
  if (certificate) await deps.certificates.erase(erasePersonalFields('Certificate', certificate));
  await deps.dossiers.purge(tombstone, events);
  report.purged.push({ dossierId, category: tombstone.retention.category, objects, events: events.length });
};

/** The earliest instant a purge run could have something to do (the local engine's periodic job). */
export const nextPurgeAt = async (deps: Dependencies): Promise<number | undefined> => {
  const next = await deps.dossiers.nextRetentionWake();
  return next ? new Date(next).getTime() : undefined;
};
