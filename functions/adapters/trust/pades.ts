import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { OID, signCms, type ByteSigner } from './cms';

/**
 * The platform's seal on a PDF it issues: PAdES baseline B-T (ETSI EN 319 142-1) — a CMS
 * signature (ETSI.CAdES.detached) over the document's byte ranges, with the ESS signing
 * certificate and, unsigned, an RFC 3161 token over the signature value. @signpdf places the
 * signature dictionary as an incremental update of the PDF's bytes (no PDF library: the renderer
 * writes a classic cross-reference table) and fills the byte ranges; the CMS is ours (cms.ts), so
 * that the key may stay in KMS. Signing time is the dictionary's /M (PAdES forbids the CMS attribute).
 */

/** room for the CMS: three certificates, the signature and a token with two more certificates */
const SIGNATURE_BYTES = 16_384;

class CmsSigner extends Signer {
  constructor(
    private readonly seal: ByteSigner,
    private readonly stamp: (sha256: Uint8Array) => Promise<Uint8Array>,
  ) {
    super();
  }

  override async sign(signedBytes: Buffer): Promise<Buffer> {
    const cms = await signCms(this.seal, {
      contentType: OID.data,
      digest: new Uint8Array(createHash('sha256').update(signedBytes).digest()),
      unsigned: async (signature) => {
        const token = await this.stamp(new Uint8Array(createHash('sha256').update(signature).digest()));
        const contentInfo = pkijs.ContentInfo.fromBER(Uint8Array.from(token).buffer);
        return [new pkijs.Attribute({ type: OID.timeStampToken, values: [contentInfo.toSchema()] })];
      },
    });
    return Buffer.from(cms);
  }
}

export interface SealOptions {
  seal: ByteSigner;
  stamp: (sha256: Uint8Array) => Promise<Uint8Array>;
  at: Date;
}

/** The PDF sealed; what it shows is unchanged (the seal is an invisible signature field). */
export const sealPdf = async (pdf: Uint8Array, { seal, stamp, at }: SealOptions): Promise<Uint8Array> => {
  const prepared = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: 'Document délivré par la plateforme de certification des solutions de téléconsultation',
    contactInfo: 'Agence du Numérique en Santé',
    name: 'Agence du Numérique en Santé',
    location: 'France',
    signingTime: at,
    signatureLength: SIGNATURE_BYTES,
    subFilter: 'ETSI.CAdES.detached',
    appName: 'plateforme de certification ANS',
  });
  return new Uint8Array(await new SignPdf().sign(prepared, new CmsSigner(seal, stamp)));
};
