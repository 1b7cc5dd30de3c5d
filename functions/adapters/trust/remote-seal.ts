import type { TrustServices } from '../../domain/ports';

/** What the sealer takes and gives back (functions/proof/handlers.ts `seal`). */
export interface SealRequest {
  /** the unsealed PDF, base64 */
  pdf: string;
  /** the signing time (ISO 8601) */
  at: string;
}
export interface SealResponse {
  pdf: string;
}

const unavailable = async () =>
  Promise.reject(new Error('the renderer only seals, through the sealer; it stamps and publishes nothing'));

/**
 * The renderer's proof services: it has no seal key, no timestamp authority and no PDF signing
 * code — it asks the sealer, the one function holding `kms:Sign` on the seal key, to seal each
 * PDF it rendered (a synchronous invocation; a failure leaves the document job pending for the
 * next round). That keeps pdf-lib and pkijs in two bundles of their own.
 */
export const remoteSealServices = (functionName: () => string): TrustServices => {
  let client: Promise<{ invoke: (request: SealRequest) => Promise<SealResponse> }> | undefined;
  const lambda = () =>
    (client ??= import('@aws-sdk/client-lambda').then((sdk) => {
      const lambdaClient = new sdk.LambdaClient({});
      return {
        invoke: async (request: SealRequest) => {
          const out = await lambdaClient.send(
            new sdk.InvokeCommand({
              FunctionName: functionName(),
              Payload: new TextEncoder().encode(JSON.stringify(request)),
            }),
          );
          const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
          if (out.FunctionError) throw new Error(`the sealer failed (${out.FunctionError}): ${text.slice(0, 300)}`);
          const answer = JSON.parse(text) as Partial<SealResponse>;
          if (typeof answer.pdf !== 'string') throw new Error('the sealer answered no PDF');
          return { pdf: answer.pdf };
        },
      };
    }));
  return {
    sealPdf: async (pdf, at) => {
      const answer = await (await lambda()).invoke({ pdf: Buffer.from(pdf).toString('base64'), at: at.toISOString() });
      return new Uint8Array(Buffer.from(answer.pdf, 'base64'));
    },
    stamp: unavailable,
    publicMaterial: unavailable,
  };
};
