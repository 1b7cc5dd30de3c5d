import type { Caller } from '../domain/caller';
import { catalogueFromRows } from '../domain/catalogue-import';
import { BadRequestError } from '../domain/errors';
import type { Dependencies } from '../container';
import type { SpreadsheetReader } from '../domain/ports';
import { legalDeadline } from '../domain/calendar';
import { flagHoldersForRenewal } from './certificate-life';

export interface ImportInput {
  version: string;
  format: 'csv' | 'xlsx';
  /** the spreadsheet, base64-encoded */
  content: string;
  /** the version whose profile matrix the new one keeps */
  matrixFrom?: string;
  /** make it the version new candidatures start on */
  current?: boolean;
  renewalRequiredBy?: string;
  /** the decision period for files under the new version (ISO 8601) */
  decisionPeriod?: string;
}

/**
 * Publishes a new referential version from the official requirement spreadsheet.
 * Input: version, csv or xlsx content. Output: counts of sections and requirements.
 * Steps: authorise (admin) → read rows → validate every row (400 listing each bad line; nothing
 * is stored) → store the version (409 if it exists) → optionally make it current.
 */
export const importReferential = async (
  deps: Dependencies,
  caller: Caller,
  input: ImportInput,
  sheets: SpreadsheetReader,
) => {
  const rows = await sheets.read(input.format, Buffer.from(input.content, 'base64'));
  const catalogue = {
    ...catalogueFromRows(input.version, rows),
    ...(input.decisionPeriod ? { decisionPeriod: input.decisionPeriod } : {}),
  };
  const base = await deps.referentials.get(input.matrixFrom ?? (await deps.referentials.current()));
  if (!base) throw new BadRequestError(`no referential ${input.matrixFrom} to take the profile matrix from`);
  await deps.referentials.put({
    version: input.version,
    catalogue,
    matrix: base.matrix,
    publishedAt: deps.clock.now().toISOString(),
  });
  if (input.current) await deps.referentials.setCurrent(input.version);
  const renewalRequiredBy = input.renewalRequiredBy
    ? legalDeadline(
        new Date(`${input.renewalRequiredBy}T12:00:00Z`),
        { days: 0 },
        { extendToWorkingDay: false },
      ).toISOString()
    : undefined;
  const flagged = renewalRequiredBy ? await flagHoldersForRenewal(deps, input.version, renewalRequiredBy) : 0;
  return {
    ...(renewalRequiredBy ? { renewalRequiredBy, holdersFlagged: flagged } : {}),
    version: input.version,
    sections: catalogue.sections.length,
    requirements: catalogue.requirements.length,
    current: input.current ?? false,
  };
};
