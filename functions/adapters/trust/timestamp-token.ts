import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, signCms, signedDataOf, type ByteSigner } from './cms';

/**
 * RFC 3161 timestamp tokens as the local authority makes them (a TSTInfo signed by its own key)
 * and reads them back; asking a remote authority is timestamp-protocol.ts (no CMS library).
 */

/** a copy: a Buffer is often a view into a larger pooled ArrayBuffer */
const buffer = (bytes: Uint8Array) => Uint8Array.from(bytes).buffer;
const imprint = (sha256: Uint8Array) =>
  new pkijs.MessageImprint({
    hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    hashedMessage: new asn1js.OctetString({ valueHex: buffer(sha256) }),
  });

/** The local authority's policy (a private arc: it vouches for nothing outside this stack). */
export const LOCAL_TSA_POLICY = '1.3.6.1.4.1.99999.1.1';

/** A TimeStampToken (DER ContentInfo) for a SHA-256 digest, signed by `signer` at `at`. */
export const issueToken = async (signer: ByteSigner, sha256: Uint8Array, at: Date, nonce?: Uint8Array) => {
  if (sha256.length !== 32) throw new Error('a SHA-256 digest is 32 bytes');
  const tstInfo = new pkijs.TSTInfo({
    version: 1,
    policy: LOCAL_TSA_POLICY,
    messageImprint: imprint(sha256),
    serialNumber: new asn1js.Integer({ valueHex: buffer(new Uint8Array([0x01, ...randomBytes(15)])) }),
    genTime: at,
    accuracy: new pkijs.Accuracy({ seconds: 1 }),
    ...(nonce ? { nonce: new asn1js.Integer({ valueHex: buffer(nonce) }) } : {}),
  });
  return signCms(signer, {
    contentType: OID.tstInfo,
    encapsulated: new Uint8Array(tstInfo.toSchema().toBER(false)),
  });
};

/** A TimeStampResp granting `token` (what the local authority answers over HTTP). */
export const grantedResponse = (token: Uint8Array) => {
  const response = new pkijs.TimeStampResp({
    status: new pkijs.PKIStatusInfo({ status: 0 }),
    timeStampToken: pkijs.ContentInfo.fromBER(buffer(token)),
  });
  return new Uint8Array(response.toSchema().toBER(false));
};

/** What a token says: the digest it vouches for, when, and by whom (its signer's certificate). */
export const readToken = (token: Uint8Array) => {
  const signedData = signedDataOf(token);
  const content = signedData.encapContentInfo;
  if (content.eContentType !== OID.tstInfo || !content.eContent) throw new Error('not a timestamp token');
  const tstInfo = pkijs.TSTInfo.fromBER(content.eContent.getValue());
  return {
    sha256: new Uint8Array(tstInfo.messageImprint.hashedMessage.getValue()),
    genTime: tstInfo.genTime,
    nonce: tstInfo.nonce ? new Uint8Array(tstInfo.nonce.valueBlock.valueHexView) : undefined,
    signedData,
  };
};
