import { PDFDocument } from 'pdf-lib';
import { readRows } from '../../../functions/adapters/spreadsheet/read-rows';
import { writeXlsx } from '../../../functions/adapters/spreadsheet/xlsx';
import { certificatePdf } from '../../../functions/documents/pdf';
import type { Certificate } from '../../../functions/domain/certificate';
import { localSigner, makeLocalTrust } from '../../../functions/adapters/trust/local-trust';
import { sealPdf } from '../../../functions/adapters/trust/pades';
import { rfc3161Stamp } from '../../../functions/adapters/trust/rfc3161-client';

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
  // the proof libraries (pkijs, asn1js, @signpdf): seal with fresh local keys, the token asked of
  // the running stack's authority over HTTP, as the proof worker does
  const material = await makeLocalTrust();
  const stamp = rfc3161Stamp(`${process.env.PROBE_API_URL}/_local/tsa`);
  const sealed = await sealPdf(pdf, {
    seal: localSigner(material.seal.certificate, material.seal.key, [material.root.certificate]),
    stamp,
    at: new Date('2026-12-07T08:00:00.000Z'),
  });
  return {
    rows,
    csv,
    pdfPages: loaded.getPageCount(),
    pdfTitle: loaded.getTitle(),
    sealed: Buffer.from(sealed).toString('base64'),
  };
};
