/** A certificate's number: `TLC-<year of issue>-<sequence of that year, six digits>`. */
export const certificateNumber = (year: number, sequence: number) => `TLC-${year}-${String(sequence).padStart(6, '0')}`;

/** What every certificate number looks like (`TLC-2026-000123`): one pattern for the API, the workflow and the portal. */
export const CERTIFICATE_NUMBER_PATTERN = /^TLC-\d{4}-\d{6}$/;
