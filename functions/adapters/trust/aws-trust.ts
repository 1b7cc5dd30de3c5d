import type { TrustServices } from '../../domain/ports';
import type { ByteSigner } from './cms';
import { derOf } from './local-trust';
import { stageStamp } from './aws-stamp';
import { trustServices } from './trust-services';
import { trustParameterReader } from './aws-trust-material';

/**
 * The proof services in AWS. The seal key is a KMS asymmetric key (ECC_NIST_P256, SIGN_VERIFY):
 * the private key never leaves KMS, the CMS is built around its `Sign` (of the digest). What is
 * public — the seal's certificate chain (issued to that key by a certification authority), the
 * timestamp authority's URL, name and chain — is one SSM parameter per stage (JSON), read once.
 */
export const awsTrustServices = (options: { sealKeyId: () => string; parameterName: () => string }): TrustServices => {
  const read = trustParameterReader(options.parameterName);
  const kmsSigner = async (): Promise<ByteSigner> => {
    const [{ sealCertificates }, sdk] = await Promise.all([read(), import('@aws-sdk/client-kms')]);
    const client = new sdk.KMSClient({});
    const [leaf, ...chain] = sealCertificates.map(derOf);
    if (!leaf) throw new Error('no seal certificate configured');
    return {
      certificate: leaf,
      chain,
      sign: async (data) => {
        const out = await client.send(
          new sdk.SignCommand({
            KeyId: options.sealKeyId(),
            // the CMS signed attributes (a few hundred bytes, KMS takes up to 4 KB raw): KMS hashes them
            Message: data,
            MessageType: 'RAW',
            SigningAlgorithm: 'ECDSA_SHA_256',
          }),
        );
        if (!out.Signature) throw new Error('KMS answered no signature');
        return out.Signature; // DER (X9.62), as CMS wants it
      },
    };
  };
  return trustServices({
    seal: kmsSigner,
    stamp: stageStamp(read),
    publicMaterial: async () => {
      const { sealCertificates, tsaCertificates } = await read();
      return { sealCertificates, tsaCertificates };
    },
  });
};
