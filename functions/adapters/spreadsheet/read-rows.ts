import { parse } from 'csv-parse/sync';
import { BadRequestError } from '../../domain/errors';
import { readXlsxRows } from './xlsx';

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
  return readXlsxRows(content);
};
