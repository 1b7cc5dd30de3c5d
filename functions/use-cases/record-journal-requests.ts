import type { Dependencies } from '../container';
import type { JournalRequest } from '../domain/journal-requests';
import { requestedEvent } from '../domain/journal-requests';
import { commitDossier } from './commit-dossier';
import { drainWorkQueue } from './drain-work-queue';
import { withOptimisticRetry } from './optimistic-retry';

/**
 * Chains the events reads asked for (downloads) onto their dossiers' journals. The read stored
 * its request before handing out its link; here the event is committed with the dossier's
 * version guard, in the transaction that settles the request — a retried or concurrent worker
 * records it once. Input: requests (from the stream) or none (the pending ones). Output: counts.
 * Steps: claim → load the dossier → commit the event, settling the request → done.
 */
export const recordJournalRequests = async (deps: Dependencies, requests?: JournalRequest[]) => {
  const { done: recorded, failed } = await drainWorkQueue(
    deps.journalRequests,
    deps.clock,
    (request) =>
      withOptimisticRetry(async () => {
        const stored = await deps.dossiers.get(request.dossierId);
        // dossiers are never deleted: a request names one that exists (a read found it)
        if (!stored) throw new Error(`dossier ${request.dossierId} is missing`);
        await commitDossier(deps, stored, stored.dossier, [requestedEvent(request)], { settlesRequest: request.id });
      }),
    requests,
  );
  return { recorded, failed };
};
