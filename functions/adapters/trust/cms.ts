import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/**
 * CMS SignedData (RFC 5652) built around a signer that only signs bytes — a KMS key in AWS, whose
 * private half never leaves it, or a local key — so that the same code seals PDFs and signs
 * timestamp tokens. pkijs models the structures; the signature is ours to ask for.
 */

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

/** Signs with ECDSA P-256 over SHA-256 and answers the DER signature (as KMS `Sign` and node's crypto do). */
export interface ByteSigner {
  /** the signer's certificate, DER */
  certificate: Uint8Array;
  /** certificates up to the anchor, DER (may be empty) */
  chain: Uint8Array[];
  sign(data: Uint8Array): Promise<Uint8Array>;
}

const sha256 = (bytes: Uint8Array) => new Uint8Array(createHash('sha256').update(bytes).digest());
/** a copy: a Buffer is often a view into a larger pooled ArrayBuffer */
const buffer = (bytes: Uint8Array) => Uint8Array.from(bytes).buffer;
const algorithm = (algorithmId: string) => new pkijs.AlgorithmIdentifier({ algorithmId });

/** The ESS signing-certificate-v2 attribute (RFC 5035): binds the signature to its certificate. */
const signingCertificateV2 = (certificate: Uint8Array) => {
  const cert = pkijs.Certificate.fromBER(buffer(certificate));
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
      }),
      cert.serialNumber,
    ],
  });
  // hashAlgorithm left out: SHA-256 is its DEFAULT
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: buffer(sha256(certificate)) }), issuerSerial],
  });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })],
  });
};

/** DER orders a SET OF by its encodings: verifiers re-encode the signed attributes, so sort them. */
const derSorted = (attributes: pkijs.Attribute[]) =>
  attributes
    .map((a) => ({ a, der: Buffer.from(a.toSchema().toBER(false)) }))
    .sort((x, y) => Buffer.compare(x.der, y.der))
    .map((x) => x.a);

export interface SignOptions {
  /** the content's type: data for a PDF, TSTInfo for a timestamp token */
  contentType: string;
  /** the content itself, carried inside (a timestamp token) — otherwise detached (a PDF's byte ranges) */
  encapsulated?: Uint8Array;
  /** the digest of the detached content */
  digest?: Uint8Array;
  signingTime?: Date;
  /** unsigned attributes from the signature value (the PAdES signature timestamp) */
  unsigned?: (signature: Uint8Array) => Promise<pkijs.Attribute[]>;
}

/** Builds and signs a CMS SignedData; answers the DER ContentInfo. */
export const signCms = async (signer: ByteSigner, options: SignOptions): Promise<Uint8Array> => {
  const certificate = pkijs.Certificate.fromBER(buffer(signer.certificate));
  const digest = options.encapsulated ? sha256(options.encapsulated) : options.digest!;
  const attributes = [
    new pkijs.Attribute({
      type: OID.contentType,
      values: [new asn1js.ObjectIdentifier({ value: options.contentType })],
    }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: buffer(digest) })] }),
    signingCertificateV2(signer.certificate),
  ];
  if (options.signingTime)
    attributes.push(
      new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] }),
    );
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) });
  // the signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they travel in
  const toSign = new Uint8Array(signedAttrs.toSchema().toBER(false));
  toSign[0] = 0x31;
  const signature = await signer.sign(toSign);
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: algorithm(OID.sha256),
    signedAttrs,
    signatureAlgorithm: algorithm(OID.ecdsaWithSha256),
    signature: new asn1js.OctetString({ valueHex: buffer(signature) }),
  });
  const unsigned = options.unsigned ? await options.unsigned(signature) : [];
  if (unsigned.length)
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: unsigned });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [algorithm(OID.sha256)],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({
      eContentType: options.contentType,
      ...(options.encapsulated ? { eContent: new asn1js.OctetString({ valueHex: buffer(options.encapsulated) }) } : {}),
    }),
    certificates: [certificate, ...signer.chain.map((der) => pkijs.Certificate.fromBER(buffer(der)))],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
};

/** The SignedData of a DER ContentInfo (a CMS signature or a timestamp token). */
export const signedDataOf = (der: Uint8Array) => {
  const info = pkijs.ContentInfo.fromBER(buffer(der));
  if (info.contentType !== OID.signedData) throw new Error('not a CMS SignedData');
  return new pkijs.SignedData({ schema: info.content });
};
