import * as pkijs from 'pkijs';
import { describe, expect, it } from 'vitest';
import { makeLocalTrust, localSigner } from './local-trust';
import { grantedResponse, issueToken, readToken } from './timestamp-token';
import { timestampRequest, tokenImprint, tokenOfResponse } from './timestamp-protocol';

const digest = new Uint8Array(32).map((_, i) => i + 1);

describe('the RFC 3161 client side, with asn1js alone', () => {
  it('asks for a SHA-256 imprint with a nonce and the certificate, as a CMS library reads it', () => {
    const { der, nonce } = timestampRequest(digest);
    const read = pkijs.TimeStampReq.fromBER(Uint8Array.from(der).buffer);
    expect(read.version).toBe(1);
    expect(read.messageImprint.hashAlgorithm.algorithmId).toBe('2.16.840.1.101.3.4.2.1');
    expect(new Uint8Array(read.messageImprint.hashedMessage.getValue())).toEqual(digest);
    expect(new Uint8Array(read.nonce!.valueBlock.valueHexView)).toEqual(nonce);
    expect(read.certReq).toBe(true);
    expect(() => timestampRequest(new Uint8Array(20))).toThrow(/32 bytes/);
  });

  it('takes the token out of a granted response and reads what it vouches for', async () => {
    const trust = await makeLocalTrust();
    const signer = localSigner(trust.tsa.certificate, trust.tsa.key, [trust.root.certificate]);
    const at = new Date('2027-03-26T08:00:09.000Z');
    const nonce = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);
    const token = await issueToken(signer, digest, at, nonce);
    expect(tokenOfResponse(grantedResponse(token))).toEqual(token);
    const imprint = tokenImprint(token);
    expect(imprint).toEqual({ sha256: digest, genTime: at, nonce });
    expect(imprint.sha256).toEqual(readToken(token).sha256);
  });

  it('refuses a rejection, a response without a token and bytes that are no token', () => {
    const rejected = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 2 }) });
    expect(() => tokenOfResponse(new Uint8Array(rejected.toSchema().toBER(false)))).toThrow(/refused \(status 2\)/);
    const empty = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: 0 }) });
    expect(() => tokenOfResponse(new Uint8Array(empty.toSchema().toBER(false)))).toThrow(/no token/);
    expect(() => tokenImprint(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toThrow(/RFC 3161/);
    expect(() => tokenImprint(new Uint8Array([1, 2, 3]))).toThrow(/RFC 3161/);
  });
});
