import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BadRequestError } from '../../domain/errors';
import { assertSafeZip } from './zip-guard';

/** A referential has a few hundred requirements and ten-odd columns: bounds well above that. */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 64;

/** Rows of text from a CSV (comma or semicolon, UTF-8 with or without BOM) or the first sheet of an XLSX. */
export const readRows = async (format: 'csv' | 'xlsx', content: Buffer): Promise<string[][]> => {
  if (format === 'csv') {
    const text = content.toString('utf8').replace(/^\uFEFF/, '');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    try {
      return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false }) as string[][];
    } catch (error) {
      throw new BadRequestError(`the CSV cannot be read: ${(error as Error).message}`);
    }
  }
  assertSafeZip(content);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new BadRequestError('the file is not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BadRequestError('the workbook has no sheet');
  if (sheet.rowCount > MAX_ROWS)
    throw new BadRequestError(`the sheet has ${sheet.rowCount} rows (at most ${MAX_ROWS})`);
  if (sheet.columnCount > MAX_COLUMNS)
    throw new BadRequestError(`the sheet has ${sheet.columnCount} columns (at most ${MAX_COLUMNS})`);
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, sheet.columnCount); c++) cells.push(row.getCell(c).text ?? '');
    rows.push(cells);
  }
  return rows;
};
