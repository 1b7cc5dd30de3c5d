import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';

/**
 * The client side of RFC 3161 (§2.4): a TimeStampReq for a digest, the token out of the
 * TimeStampResp, and what the token vouches for. asn1js alone — these are three small
 * structures, and the functions that only ask for tokens (the proof worker) then carry no CMS
 * library; the tokens' signatures are checked by the operators' tools (openssl, `proof:verify`).
 */

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const TST_INFO = '1.2.840.113549.1.9.16.1.4';

const copy = (bytes: Uint8Array) => Uint8Array.from(bytes).buffer;
const fail = (what: string): never => {
  throw new Error(`not an RFC 3161 ${what}`);
};
const parse = (der: Uint8Array, what: string) => {
  const { result, offset } = asn1js.fromBER(copy(der));
  if (offset === -1 || result.error) fail(what);
  return result;
};
const items = (block: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] =>
  block instanceof asn1js.Sequence || block instanceof asn1js.Set || block instanceof asn1js.Constructed
    ? block.valueBlock.value
    : fail(what);
/** an OCTET STRING's bytes, primitive or (BER) constructed */
const octets = (block: asn1js.AsnType | undefined, what: string): Uint8Array => {
  if (!(block instanceof asn1js.OctetString)) return fail(what);
  if (!block.valueBlock.isConstructed) return new Uint8Array(block.valueBlock.valueHexView);
  return Buffer.concat(block.valueBlock.value.map((part) => octets(part, what)));
};
const oid = (block: asn1js.AsnType | undefined) =>
  block instanceof asn1js.ObjectIdentifier ? block.valueBlock.toString() : undefined;

/** A TimeStampReq (v1) for a SHA-256 digest, with a nonce, asking for the authority's certificate. */
export const timestampRequest = (sha256: Uint8Array) => {
  if (sha256.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const nonce = new Uint8Array([0x01, ...randomBytes(7)]);
  const request = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 1 }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: SHA256 })] }),
          new asn1js.OctetString({ valueHex: copy(sha256) }),
        ],
      }),
      new asn1js.Integer({ valueHex: copy(nonce) }),
      new asn1js.Boolean({ value: true }),
    ],
  });
  return { der: new Uint8Array(request.toBER(false)), nonce };
};

/** The token (DER ContentInfo) inside a TimeStampResp; throws unless the authority granted it. */
export const tokenOfResponse = (der: Uint8Array): Uint8Array => {
  const [statusInfo, token] = items(parse(der, 'response'), 'response');
  const status = items(statusInfo, 'response status')[0];
  if (!(status instanceof asn1js.Integer)) return fail('response status');
  const granted = status.valueBlock.valueDec;
  if (granted !== 0 && granted !== 1) throw new Error(`the timestamp authority refused (status ${granted})`);
  if (!token) throw new Error('the timestamp authority answered no token');
  return new Uint8Array(token.valueBeforeDecodeView);
};

/** What a token vouches for: the digest, the instant and the nonce of its TSTInfo. */
export const tokenImprint = (token: Uint8Array) => {
  const [contentType, wrapped] = items(parse(token, 'token'), 'token');
  if (oid(contentType) !== SIGNED_DATA) return fail('token');
  const signedData = items(items(wrapped, 'token')[0], 'token');
  const [eContentType, eContent] = items(signedData[2], 'token');
  if (oid(eContentType) !== TST_INFO) return fail('token');
  const tstInfo = items(parse(octets(items(eContent, 'token')[0], 'token'), 'TSTInfo'), 'TSTInfo');
  const [hashAlgorithm, hashed] = items(tstInfo[2], 'TSTInfo');
  if (oid(items(hashAlgorithm, 'TSTInfo')[0]) !== SHA256) return fail('SHA-256 imprint');
  const genTime = tstInfo[4];
  if (!(genTime instanceof asn1js.GeneralizedTime)) return fail('TSTInfo');
  // after genTime: accuracy (SEQUENCE) and ordering (BOOLEAN) may come before the nonce (INTEGER)
  const nonce = tstInfo.slice(5).find((b): b is asn1js.Integer => b instanceof asn1js.Integer);
  return {
    sha256: octets(hashed, 'TSTInfo'),
    genTime: genTime.toDate(),
    nonce: nonce ? new Uint8Array(nonce.valueBlock.valueHexView) : undefined,
  };
};
