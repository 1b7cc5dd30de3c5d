import type { Dossier } from './dossier-model';
import { decisionKey, documentJob, receiptKey, type DocumentJob } from './document-job';
import type { JournalEvent } from './journal';

/**
 * The documents a change issues beside its journal (issue 24): the acknowledgement of a complete
 * file when the receipt is journaled (R.1470-4: its date starts the decision clock), the decision
 * when one is taken or reached by silence (R.1470-4 al. 2: with its reasons and the means of
 * appeal). Rendered and sealed by the renderer; a replay writes the same jobs (ids from the act).
 */
/** The events that state a decision (a grant after reservations was decided, and issued, before). */
const decides = (event: JournalEvent, dossier: Dossier) =>
  event.type === 'college_refused' ||
  event.type === 'college_certified_with_reservations' ||
  event.type === 'dossier_inadmissible' ||
  (event.type === 'certificate_granted' && dossier.decision?.outcome !== 'certified_with_reservations');

export const issuedActJobs = (after: Dossier, events: JournalEvent[], createdAt: string): DocumentJob[] => {
  const jobs: DocumentJob[] = [];
  const receipt = events.find((e) => e.type === 'complete_file_acknowledged');
  if (receipt)
    jobs.push(
      documentJob({ kind: 'receipt', dossierId: after.id, key: receiptKey(after.id), at: receipt.at }, createdAt),
    );
  const decision = after.decision;
  if (decision && events.some((e) => decides(e, after)))
    jobs.push(
      documentJob(
        {
          kind: 'decision',
          dossierId: after.id,
          key: decisionKey(after.id, decision.decidedAt),
          at: decision.decidedAt,
        },
        createdAt,
      ),
    );
  return jobs;
};
