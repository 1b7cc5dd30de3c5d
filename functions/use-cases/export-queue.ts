import type { Caller } from '../domain/caller';
import type { QueueStage } from '../domain/schemas';
import type { Dependencies } from '../container';
import { toCsv } from './certificates';
import type { SpreadsheetWriter } from '../domain/ports';

/**
 * Export of an instruction queue for instructors.
 * Input: stage and format (csv | xlsx). Output: the file. Steps: authorise → read the queue pages
 * (Query) → render rows (formula-injection guard) → answer.
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
    for (const item of page.items)
      rows.push([item.dossierId, item.companyId, item.product.name, item.product.version, item.since]);
    cursor = page.nextCursor;
  } while (cursor);
  const header = ['dossier', 'societe', 'produit', 'version', 'depuis'];
  if (format === 'csv') return { contentType: 'text/csv; charset=utf-8', body: Buffer.from(toCsv(header, rows)) };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: sheets.writeXlsx(`File ${stage}`, header, rows),
  };
};
