import { PDFDocument } from 'pdf-lib';
import { readRows } from '../../../functions/adapters/spreadsheet/read-rows';
import { writeXlsx } from '../../../functions/adapters/spreadsheet/xlsx';
import { certificatePdf } from '../../../functions/documents/pdf';
import type { Certificate } from '../../../functions/domain/certificate';

/**
 * Bundled by the stack's own function construct (esbuild, as `cdk synth` bundles every function)
 * and run in Node 22 as Lambda loads it: the CommonJS-only libraries (SheetJS, pdf-lib) must work
 * there as they do under vitest and tsx.
 */
export const handler = async () => {
  const workbook = writeXlsx('Probe', ['a', 'b'], [['1', '=2']]);
  const rows = await readRows('xlsx', workbook);
  const csv = await readRows('csv', Buffer.from('x;y\n1;2\n'));
  const pdf = await certificatePdf({
    number: 'ANS-TLC-2026-0001',
    product: { name: 'Sonde', version: '1' },
    companyName: 'Sonde SAS',
    referentialVersion: '1.4.2',
    profiles: ['TLC-ENS'],
    grantedAt: '2026-12-07T08:00:00.000Z',
    grantedBy: 'college',
  } as unknown as Certificate);
  const loaded = await PDFDocument.load(pdf);
  return { rows, csv, pdfPages: loaded.getPageCount(), pdfTitle: loaded.getTitle() };
};
