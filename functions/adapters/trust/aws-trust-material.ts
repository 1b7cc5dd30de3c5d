import type { TrustServices } from '../../domain/ports';

/** The stage's public trust material and authority, one SSM parameter (JSON), read once per container. */
export interface TrustParameter {
  tsaUrl: string;
  tsaName: string;
  sealCertificates: string[];
  tsaCertificates: string[];
}

export const trustParameterReader = (parameterName: () => string) => {
  let parameter: Promise<TrustParameter> | undefined;
  return () =>
    (parameter ??= (async () => {
      const sdk = await import('@aws-sdk/client-ssm');
      const out = await new sdk.SSMClient({}).send(new sdk.GetParameterCommand({ Name: parameterName() }));
      return JSON.parse(out.Parameter?.Value ?? '{}') as TrustParameter;
    })().catch((error: unknown) => {
      parameter = undefined; // a failed read is tried again on the next call
      throw error;
    }));
};

/**
 * What the public trust route needs of the proof services, and nothing heavier: the certificates.
 * Stamping and sealing are the proof worker's (`aws-trust.ts`), never bundled here.
 */
export const awsPublicTrust = (parameterName: () => string): TrustServices => {
  const read = trustParameterReader(parameterName);
  const elsewhere = async () => Promise.reject(new Error('stamping and sealing are the proof worker’s'));
  return {
    stamp: elsewhere,
    sealPdf: elsewhere,
    publicMaterial: async () => {
      const { sealCertificates, tsaCertificates } = await read();
      return { sealCertificates, tsaCertificates };
    },
  };
};
