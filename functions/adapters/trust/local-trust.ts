import { createHash, createPrivateKey, sign, webcrypto, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { ByteSigner } from './cms';

/**
 * The local stack's own trust material, made on first start and kept in its data directory: a
 * root, the platform's seal certificate and the timestamp authority's, each key an ECDSA P-256
 * key. In AWS the seal key is a KMS key and the authority a configured RFC 3161 service; here
 * both are the stack's, and `GET /v1/public/trust` publishes what anyone needs to check them.
 * Certificates are made with pkijs (already our CMS library) on node's WebCrypto.
 */

const crypto = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as never });
const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;
/** wide enough for any pinned test date, and for `openssl`, which checks at the wall clock */
const NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
const NOT_AFTER = new Date('2060-01-01T00:00:00Z');

export interface LocalTrustFile {
  root: { certificate: string };
  seal: { certificate: string; key: string };
  tsa: { certificate: string; key: string };
}

const PURPOSE = { timeStamping: '1.3.6.1.5.5.7.3.8' };
const ab = (bytes: Uint8Array) => Uint8Array.from(bytes).buffer;
const toPem = (der: ArrayBuffer, label: string) =>
  `-----BEGIN ${label}-----\n${(
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? []
  ).join('\n')}\n-----END ${label}-----\n`;
export const derOf = (pemText: string) =>
  new Uint8Array(Buffer.from(pemText.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));

/** C, O, CN — one attribute per RDN (pkijs alone would put them in one multi-valued RDN) */
const name = (commonName: string) => {
  const rdn = (type: string, value: asn1js.AsnType) =>
    new asn1js.Set({ value: [new pkijs.AttributeTypeAndValue({ type, value: value as never }).toSchema()] });
  const sequence = new asn1js.Sequence({
    value: [
      rdn('2.5.4.6', new asn1js.PrintableString({ value: 'FR' })),
      rdn('2.5.4.10', new asn1js.Utf8String({ value: 'Local' })),
      rdn('2.5.4.3', new asn1js.Utf8String({ value: commonName })),
    ],
  });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(sequence.toBER(false)).result });
};

const extension = (extnID: string, critical: boolean, value: asn1js.AsnType) =>
  new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });

/** keyUsage bits, most significant first (RFC 5280 §4.2.1.3) */
const keyUsage = (byte: number, unusedBits: number) =>
  extension('2.5.29.15', true, new asn1js.BitString({ valueHex: ab(new Uint8Array([byte])), unusedBits }));

const keyId = async (publicKey: webcrypto.CryptoKey) => {
  const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', publicKey as never));
  const info = pkijs.PublicKeyInfo.fromBER(ab(spki));
  return new Uint8Array(createHash('sha1').update(info.subjectPublicKey.valueBlock.valueHexView).digest());
};

const certificate = async (options: {
  subject: string;
  issuer: string;
  publicKey: webcrypto.CryptoKey;
  signingKey: webcrypto.CryptoKey;
  issuerPublicKey: webcrypto.CryptoKey;
  extensions: pkijs.Extension[];
}) => {
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({
    valueHex: ab(new Uint8Array([0x01, ...webcrypto.getRandomValues(new Uint8Array(11))])),
  });
  cert.subject = name(options.subject);
  cert.issuer = name(options.issuer);
  cert.notBefore = new pkijs.Time({ type: 0, value: NOT_BEFORE });
  cert.notAfter = new pkijs.Time({ type: 1, value: NOT_AFTER }); // 2050 and after: GeneralizedTime
  await cert.subjectPublicKeyInfo.importKey(options.publicKey, crypto);
  cert.extensions = [
    ...options.extensions,
    extension('2.5.29.14', false, new asn1js.OctetString({ valueHex: ab(await keyId(options.publicKey)) })),
    extension(
      '2.5.29.35',
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: ab(await keyId(options.issuerPublicKey)) }),
      }).toSchema(),
    ),
  ];
  await cert.sign(options.signingKey, 'SHA-256', crypto);
  return toPem(cert.toSchema(true).toBER(false), 'CERTIFICATE');
};

/** New material (the local stack keeps it in its data directory; unit tests hold it in memory). */
export const makeLocalTrust = async (): Promise<LocalTrustFile> => {
  const keys = () => webcrypto.subtle.generateKey(EC, true, ['sign', 'verify']) as Promise<webcrypto.CryptoKeyPair>;
  const pkcs8 = async (key: webcrypto.CryptoKey) =>
    toPem(await webcrypto.subtle.exportKey('pkcs8', key as never), 'PRIVATE KEY');
  const rootName = 'Autorité locale de la plateforme de certification (non qualifiée)';
  const rootKeys = await keys();
  const root = await certificate({
    subject: rootName,
    issuer: rootName,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    issuerPublicKey: rootKeys.publicKey,
    extensions: [
      extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 }).toSchema()),
      keyUsage(0x06, 1), // keyCertSign, cRLSign
    ],
  });
  const leaf = async (subject: string, extensions: pkijs.Extension[]) => {
    const own = await keys();
    return {
      certificate: await certificate({
        subject,
        issuer: rootName,
        publicKey: own.publicKey,
        signingKey: rootKeys.privateKey,
        issuerPublicKey: rootKeys.publicKey,
        extensions: [
          extension('2.5.29.19', true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
          keyUsage(0xc0, 6), // digitalSignature, nonRepudiation
          ...extensions,
        ],
      }),
      key: await pkcs8(own.privateKey),
    };
  };
  return {
    root: { certificate: root },
    seal: await leaf('Cachet local de la plateforme de certification ANS', []),
    tsa: await leaf('Horodatage local de la plateforme de certification ANS', [
      extension('2.5.29.37', true, new pkijs.ExtKeyUsage({ keyPurposes: [PURPOSE.timeStamping] }).toSchema()),
    ]),
  };
};

/** The material in `dir/trust.json`, made there on first start (0600: it holds private keys). */
export const openLocalTrust = async (dir: string): Promise<LocalTrustFile> => {
  const file = join(dir, 'trust.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LocalTrustFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const material = await makeLocalTrust();
  await mkdir(dir, { recursive: true });
  await writeFile(file, JSON.stringify(material, null, 2), { mode: 0o600, flag: 'wx' }).catch(async (error) => {
    // a concurrent first start wrote it: use theirs
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return JSON.parse(await readFile(file, 'utf8')) as LocalTrustFile;
};

/** A signer holding its key in this process (local only: in AWS the seal key stays in KMS). */
export const localSigner = (certificatePem: string, keyPem: string, chainPem: string[]): ByteSigner => {
  const key: KeyObject = createPrivateKey(keyPem);
  return {
    certificate: derOf(certificatePem),
    chain: chainPem.map(derOf),
    sign: async (data) => new Uint8Array(sign('sha256', data, key)),
  };
};
