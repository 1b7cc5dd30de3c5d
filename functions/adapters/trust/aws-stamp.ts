import type { TrustServices } from '../../domain/ports';
import { trustParameterReader } from './aws-trust-material';
import { rfc3161Stamp } from './rfc3161-client';

/** A token from the stage's timestamp authority (its URL and name are in the trust parameter). */
export const stageStamp = (read: ReturnType<typeof trustParameterReader>) => async (sha256: Uint8Array) => {
  const { tsaUrl, tsaName } = await read();
  return { token: await rfc3161Stamp(tsaUrl)(sha256), tsa: tsaName };
};

/**
 * The proof worker's services: tokens from the stage's authority, and the public material; no
 * seal (the sealer's alone) and so no CMS library in its bundle.
 */
export const awsStampServices = (parameterName: () => string): TrustServices => {
  const read = trustParameterReader(parameterName);
  return {
    stamp: stageStamp(read),
    sealPdf: async () => Promise.reject(new Error('sealing is the sealer’s alone')),
    publicMaterial: async () => {
      const { sealCertificates, tsaCertificates } = await read();
      return { sealCertificates, tsaCertificates };
    },
  };
};
