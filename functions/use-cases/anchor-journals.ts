import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Dependencies } from '../container';
import { anchorDay, anchorDigest, anchorKey, anchorText, type AnchoredHead } from '../domain/journal-anchor';
import { metrics } from '../observability';

/**
 * Once a day (the proof worker's first sweep of the day, Paris time): lists the head of every
 * dossier's journal, keeps the list under Object Lock and has its hash timestamped by the outside
 * authority (domain/journal-anchor.ts). Idempotent: the day's first anchor stands; an authority
 * that fails leaves the day unanchored until the next sweep.
 * Input: none. Output: whether it anchored, and how many journals.
 */
export const anchorJournals = async (deps: Dependencies) => {
  const now = deps.clock.now();
  const day = anchorDay(now);
  if (await deps.anchors.get(day)) return { anchored: false, dossiers: 0 };
  const heads: AnchoredHead[] = [];
  for await (const head of deps.anchors.allHeads()) heads.push(head);
  const text = anchorText(heads);
  const digest = anchorDigest(text);
  const { token, tsa } = await deps.trust.stamp(Buffer.from(digest, 'hex'));
  // named by its digest: two sweeps racing on the same day never overwrite each other's list
  const key = anchorKey(`${day}-${digest}`);
  await deps.storage.put('evidence', key, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8');
  const anchored = await deps.anchors.save({
    day,
    digest,
    dossiers: heads.length,
    key,
    madeAt: now.toISOString(),
    timestamp: { token: Buffer.from(token).toString('base64'), tsa },
  });
  if (anchored) {
    metrics.addMetric('JournalsAnchored', MetricUnit.Count, heads.length);
    metrics.publishStoredMetrics();
  }
  return { anchored, dossiers: heads.length };
};
