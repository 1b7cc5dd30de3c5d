import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import * as pkijs from 'pkijs';
import { pdfsig } from '../../../test/support/clerk';
import { OID, signedDataOf } from './cms';
import { localSigner, makeLocalTrust } from './local-trust';
import { sealPdf } from './pades';
import { issueToken, readToken } from './timestamp-token';

const document = async () => {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  page.drawText('Certificat de conformité — TLC-2027-0001', {
    x: 50,
    y: 780,
    font: await pdf.embedFont(StandardFonts.Helvetica),
  });
  return pdf.save({ useObjectStreams: false });
};

describe('the seal on issued PDFs (PAdES B-T)', () => {
  it('is valid over the whole document for pdfsig, carries a signature timestamp, and breaks on one byte changed', async () => {
    const material = await makeLocalTrust();
    const seal = localSigner(material.seal.certificate, material.seal.key, [material.root.certificate]);
    const tsa = localSigner(material.tsa.certificate, material.tsa.key, [material.root.certificate]);
    const at = new Date('2027-03-26T22:30:00Z');
    const sealed = await sealPdf(await document(), { seal, stamp: (h) => issueToken(tsa, h, at), at });

    const report = pdfsig(sealed);
    expect(report.valid, report.output).toBe(true);
    expect(report.output).toContain('Cachet local de la plateforme de certification ANS');
    expect(report.output).toContain('Signing Time: Mar 26 2027 22:30:00');

    // the CMS carries the token over its own signature value (B-T)
    const text = Buffer.from(sealed).toString('latin1');
    const hex = /\/Contents\s*<([0-9a-fA-F]+)>/.exec(text)![1]!.replace(/(00)+$/, '');
    const signerInfo = signedDataOf(new Uint8Array(Buffer.from(hex, 'hex'))).signerInfos[0]!;
    const attribute = signerInfo.unsignedAttrs!.attributes.find((a) => a.type === OID.timeStampToken)!;
    const token = new pkijs.ContentInfo({ schema: attribute.values[0] });
    const read = readToken(new Uint8Array(token.toSchema().toBER(false)));
    expect(read.genTime.toISOString()).toBe(at.toISOString());

    // one signed byte changed (the header's version digit): the seal no longer holds
    const tampered = Buffer.from(sealed);
    expect(tampered.subarray(0, 8).toString()).toBe('%PDF-1.7');
    tampered[7] = '6'.charCodeAt(0);
    const broken = pdfsig(tampered);
    expect(broken.valid).toBe(false);
    expect(broken.output).toMatch(/Signature is Invalid|Digest Mismatch/);
  });
});
