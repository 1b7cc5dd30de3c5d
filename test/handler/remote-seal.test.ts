import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { remoteSealServices } from '../../functions/adapters/trust/remote-seal';

/**
 * The renderer's seal: each PDF handed to the sealer (the one function with the seal key) by a
 * synchronous invocation — base64 both ways; a sealer that fails makes the document job fail
 * (it stays pending for the next round), never a document stored unsealed.
 */
const lambda = mockClient(LambdaClient);
afterEach(() => lambda.reset());

// the SDK hands back bytes wrapped in its blob adapter; the adapter reads them as bytes
const payload = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)) as never;

describe('the renderer’s seal, through the sealer', () => {
  it('sends the PDF and its signing time, and takes back the sealed bytes', async () => {
    lambda.on(InvokeCommand).callsFake((input: { FunctionName: string; Payload: Uint8Array }) => {
      expect(input.FunctionName).toBe('tlc-sealer');
      const request = JSON.parse(new TextDecoder().decode(input.Payload)) as { pdf: string; at: string };
      expect(request.at).toBe('2027-03-26T08:00:09.000Z');
      expect(Buffer.from(request.pdf, 'base64').toString()).toBe('%PDF-1.7 unsealed');
      return { StatusCode: 200, Payload: payload({ pdf: Buffer.from('%PDF-1.7 sealed').toString('base64') }) };
    });
    const sealed = await remoteSealServices(() => 'tlc-sealer').sealPdf(
      new TextEncoder().encode('%PDF-1.7 unsealed'),
      new Date('2027-03-26T08:00:09.000Z'),
    );
    expect(Buffer.from(sealed).toString()).toBe('%PDF-1.7 sealed');
  });

  it('fails when the sealer fails or answers no PDF, and offers no stamp nor material', async () => {
    const services = remoteSealServices(() => 'tlc-sealer');
    lambda
      .on(InvokeCommand)
      .resolvesOnce({
        StatusCode: 200,
        FunctionError: 'Unhandled',
        Payload: payload({ errorMessage: 'KMS throttled' }),
      })
      .resolvesOnce({ StatusCode: 200, Payload: payload({}) });
    await expect(services.sealPdf(new Uint8Array([1]), new Date())).rejects.toThrow(/sealer failed.*KMS throttled/);
    await expect(services.sealPdf(new Uint8Array([1]), new Date())).rejects.toThrow(/no PDF/);
    await expect(services.stamp(new Uint8Array(32))).rejects.toThrow();
    await expect(services.publicMaterial()).rejects.toThrow();
  });
});
