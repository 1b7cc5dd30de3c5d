import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import { Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import { ParameterTier, StringParameter } from 'aws-cdk-lib/aws-ssm';

/** The stage's timestamp authority and the public certificates of the seal (cdk.json `stages.<stage>.trust`). */
export interface TrustSettings {
  /** an RFC 3161 service over HTTPS (an eIDAS qualified timestamp authority) */
  tsaUrl: string;
  /** its name, shown on each timestamped event */
  tsaName: string;
  /** its certificate chain (PEM), published at GET /v1/public/trust */
  tsaCertificates: string[];
  /**
   * the seal's certificate chain (PEM), issued by a certification authority to the seal key's
   * public key (`aws kms get-public-key`, a CSR signed through KMS); until it is set, documents
   * wait unsealed in their queue (alarmed), never issued without a seal
   */
  sealCertificates: string[];
}

export const PLACEHOLDER_TRUST: TrustSettings = {
  tsaUrl: 'https://horodatage.example.org/tsa',
  tsaName: 'Autorité d’horodatage qualifiée (à configurer)',
  tsaCertificates: [],
  sealCertificates: [],
};

/**
 * The platform's proof services in AWS: the seal key — a KMS asymmetric key whose private half
 * never leaves KMS (the proof worker may only `Sign` with it) — and the public trust material in
 * one SSM parameter, read by the proof worker and the public trust route.
 */
export const trust = (stack: Stack, settings: TrustSettings = PLACEHOLDER_TRUST) => {
  const sealKey = new Key(stack, 'SealKey', {
    keySpec: KeySpec.ECC_NIST_P256,
    keyUsage: KeyUsage.SIGN_VERIFY,
    description: "The platform's seal on the documents it issues (PAdES)",
    // documents sealed years ago are checked with the public certificate, but a new seal needs the key
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const value = JSON.stringify(settings);
  const trustParameter = new StringParameter(stack, 'TrustMaterial', {
    description: 'Public trust material: the timestamp authority and the seal and TSA certificates',
    stringValue: value,
    tier: value.length > 4096 ? ParameterTier.ADVANCED : ParameterTier.STANDARD,
  });
  return { sealKey, trustParameter };
};
