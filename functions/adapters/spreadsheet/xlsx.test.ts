import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../domain/errors';
import { readXlsxRows, writeXlsx } from './xlsx';

describe('XLSX (SheetJS)', () => {
  it('writes text cells that read back as written, with formulas quoted', () => {
    const buffer = writeXlsx(
      'File instruction',
      ['dossier', 'produit'],
      [
        ['d-1', 'TéléDoc'],
        ['d-2', '=HYPERLINK("http://evil","x")'],
        ['d-3', '@SUM(A1)'],
      ],
    );
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(readXlsxRows(buffer)).toEqual([
      ['dossier', 'produit'],
      ['d-1', 'TéléDoc'],
      ['d-2', `'=HYPERLINK("http://evil","x")`],
      ['d-3', "'@SUM(A1)"],
    ]);
  });

  it('refuses what is not a workbook', () => {
    expect(() => readXlsxRows(Buffer.from('PK\u0003\u0004 not really a zip'))).toThrow(BadRequestError);
  });
});
