import * as XLSXNamespace from '@e965/xlsx/dist/xlsx.mini.min.js';
import { BadRequestError } from '../../domain/errors';
import { assertSafeZip } from './zip-guard';

/**
 * XLSX through SheetJS (the maintained 0.20 build published as `@e965/xlsx`: no dependencies),
 * its "mini" build (XLSX and CSV only, 265 KB bundled instead of 362). Only the functions that
 * import a referential or export a queue bundle it.
 */

/**
 * The build is a minified CommonJS (UMD) file whose exports Node's ESM loader cannot see: under
 * tsx (`npm start`) and in Node's own ESM the namespace holds only `default`; esbuild and vitest
 * give the named exports. Take whichever holds the library (the smoke test of the Lambda bundles
 * and the e2e suite, which runs the stack under tsx, would both fail without this).
 */
const XLSX = ((XLSXNamespace as unknown as { default?: typeof XLSXNamespace }).default ??
  XLSXNamespace) as typeof XLSXNamespace;

/** A referential has a few hundred requirements and ten-odd columns: bounds well above that. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 64;

/** The first sheet's cells as the text a spreadsheet shows (formulas are never evaluated). */
export const readXlsxRows = (content: Buffer): string[][] => {
  assertSafeZip(content);
  let workbook: XLSXNamespace.WorkBook;
  try {
    workbook = XLSX.read(content, {
      type: 'buffer',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
    });
  } catch {
    throw new BadRequestError('the file is not a readable XLSX workbook');
  }
  const name = workbook.SheetNames[0];
  const sheet = name ? workbook.Sheets[name] : undefined;
  if (!sheet) throw new BadRequestError('the workbook has no sheet');
  const range = XLSX.utils.decode_range(sheet['!ref'] ?? 'A1:A1');
  const rows = range.e.r + 1;
  const columns = range.e.c + 1;
  if (rows > MAX_ROWS) throw new BadRequestError(`the sheet has ${rows} rows (at most ${MAX_ROWS})`);
  if (columns > MAX_COLUMNS) throw new BadRequestError(`the sheet has ${columns} columns (at most ${MAX_COLUMNS})`);
  const cells = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  return cells.map((row) => row.map((cell) => String(cell ?? '')));
};

/** A leading =, +, - or @ would run as a formula once a person edits the cell: quoted, as in CSV. */
const guard = (value: unknown) => {
  const text = value === undefined || value === null ? '' : String(value);
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
};

/** One sheet of text cells (never formulas), compressed. */
export const writeXlsx = (sheetName: string, header: string[], rows: unknown[][]): Buffer => {
  const sheet = XLSX.utils.aoa_to_sheet([header, ...rows].map((row) => row.map(guard)));
  const workbook = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(workbook, sheet, sheetName.slice(0, 31));
  return Buffer.from(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
};
