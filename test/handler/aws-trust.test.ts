import { createHash, createPrivateKey, sign } from 'node:crypto';
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { awsTrustServices } from '../../functions/adapters/trust/aws-trust';
import { makeLocalTrust } from '../../functions/adapters/trust/local-trust';
import { grantedResponse, issueToken } from '../../functions/adapters/trust/timestamp-token';
import { localSigner } from '../../functions/adapters/trust/local-trust';
import { opensslVerifyToken, pdfsig } from '../support/clerk';

/**
 * The proof services as AWS wires them: the seal's signature asked of KMS (`Sign`, the private key
 * never in the function), the public material from SSM, the timestamp authority over HTTP. KMS
 * and SSM are mocked here; KMS's answer is a genuine ECDSA signature, so what is built around it
 * must satisfy pdfsig and openssl as the real one would.
 */
const kms = mockClient(KMSClient);
const ssm = mockClient(SSMClient);
afterEach(() => {
  kms.reset();
  ssm.reset();
});

describe('the proof services in AWS (KMS seal, SSM material, RFC 3161 over HTTP)', () => {
  it('seals with KMS Sign over the raw signed attributes and stamps through the configured authority', async () => {
    const material = await makeLocalTrust();
    const sealKey = createPrivateKey(material.seal.key);
    kms.on(SignCommand).callsFake((input: { KeyId: string; Message: Uint8Array; MessageType: string }) => {
      expect(input).toMatchObject({ KeyId: 'arn:aws:kms:eu-west-3:111111111111:key/seal', MessageType: 'RAW' });
      expect(input.Message.length).toBeLessThan(4096); // KMS's raw message limit
      return { Signature: new Uint8Array(sign('sha256', input.Message, sealKey)) };
    });
    ssm.on(GetParameterCommand, { Name: '/tlc/trust' }).resolves({
      Parameter: {
        Value: JSON.stringify({
          tsaUrl: 'https://horodatage.example.org/tsa',
          tsaName: 'Autorité qualifiée (essai)',
          sealCertificates: [material.seal.certificate, material.root.certificate],
          tsaCertificates: [material.tsa.certificate, material.root.certificate],
        }),
      },
    });
    const tsa = localSigner(material.tsa.certificate, material.tsa.key, [material.root.certificate]);
    const asked: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      asked.push(`${init.method} ${url} ${(init.headers as Record<string, string>)['content-type']}`);
      // the authority answers the request it was sent: the nonce is checked by the client
      const pkijs = await import('pkijs');
      const request = pkijs.TimeStampReq.fromBER(Uint8Array.from(init.body as Uint8Array).buffer);
      const token = await issueToken(
        tsa,
        new Uint8Array(request.messageImprint.hashedMessage.getValue()),
        new Date('2027-03-26T08:00:00Z'),
        new Uint8Array(request.nonce!.valueBlock.valueHexView),
      );
      return new Response(Buffer.from(grantedResponse(token)), { status: 200 });
    }) as typeof fetch;
    try {
      const trust = awsTrustServices({
        sealKeyId: () => 'arn:aws:kms:eu-west-3:111111111111:key/seal',
        parameterName: () => '/tlc/trust',
      });
      const document = await PDFDocument.create();
      document.addPage();
      const sealed = await trust.sealPdf(await document.save({ useObjectStreams: false }), new Date());
      const report = pdfsig(sealed);
      expect(report.valid, report.output).toBe(true);
      const hash = createHash('sha256').update('an event').digest();
      const { token, tsa: name } = await trust.stamp(hash);
      expect(name).toBe('Autorité qualifiée (essai)');
      const { tsaCertificates } = await trust.publicMaterial();
      expect(
        opensslVerifyToken(Buffer.from(token).toString('base64'), hash.toString('hex'), tsaCertificates).output,
      ).toContain('Verification: OK');
      expect(asked[0]).toBe('POST https://horodatage.example.org/tsa application/timestamp-query');
      expect(kms.commandCalls(SignCommand)).toHaveLength(1);
      expect(ssm.commandCalls(GetParameterCommand)).toHaveLength(1); // read once, then kept
    } finally {
      globalThis.fetch = realFetch;
    }
  });

  it('refuses a token for another digest than the one asked', async () => {
    const material = await makeLocalTrust();
    const tsa = localSigner(material.tsa.certificate, material.tsa.key, [material.root.certificate]);
    ssm.on(GetParameterCommand).resolves({
      Parameter: {
        Value: JSON.stringify({
          tsaUrl: 'https://tsa.example.org',
          tsaName: 'x',
          sealCertificates: [],
          tsaCertificates: [],
        }),
      },
    });
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async () =>
      new Response(Buffer.from(grantedResponse(await issueToken(tsa, new Uint8Array(32), new Date()))), {
        status: 200,
      })) as typeof fetch;
    try {
      const trust = awsTrustServices({ sealKeyId: () => 'k', parameterName: () => 'p' });
      await expect(trust.stamp(createHash('sha256').update('x').digest())).rejects.toThrow('another digest');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
