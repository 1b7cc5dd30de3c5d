import type { Caller } from '../domain/caller';
import type { QueueStage } from '../domain/schemas';
import type { Dependencies } from '../container';
import { toCsv } from './certificates';
import type { SpreadsheetWriter } from '../domain/ports';
import { parisDateTime } from '../domain/calendar';
import { withCompanyNames } from './list-queue';
import { nearestDeadline } from '../domain/queue';
import { DEADLINE_LABELS_FR, QUEUE_STAGE_LABELS } from '../domain/labels-fr';

/**
 * Export of an instruction queue for instructors.
 * Input: stage and format (csv | xlsx). Output: the file. Steps: authorise → read the queue pages
 * (Query) → the companies' names → rows in French, Paris time (formula-injection guard) → answer.
 */

/** A stage's whole queue as CSV or XLSX, for instructors' follow-up. */
export const exportQueue = async (
  deps: Dependencies,
  caller: Caller,
  stage: QueueStage,
  format: 'csv' | 'xlsx',
  sheets: SpreadsheetWriter,
) => {
  const rows: unknown[][] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.dossiers.queue(stage, 100, cursor);
    for (const item of await withCompanyNames(deps, page.items)) {
      const nearest = nearestDeadline(item.deadlines);
      rows.push([
        item.reference ?? '',
        item.dossierId,
        item.companyName,
        item.product.name,
        item.product.version,
        parisDateTime(item.since),
        nearest ? `${DEADLINE_LABELS_FR[nearest.kind]} : ${parisDateTime(nearest.dueAt)}` : '',
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor);
  // in French, as the instructors read it: the reference, the company's name, Paris time (issue 25)
  const header = [
    'Référence',
    'Dossier',
    'Entreprise',
    'Produit',
    'Version',
    'Dans la file depuis (heure de Paris)',
    'Délai le plus proche (heure de Paris)',
  ];
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(header, rows)) };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: sheets.writeXlsx(QUEUE_STAGE_LABELS[stage], header, rows),
  };
};
