import type { Clock } from '../../domain/clock';
import type { TrustServices } from '../../domain/ports';
import type { ByteSigner } from './cms';
import { localSigner, makeLocalTrust, type LocalTrustFile } from './local-trust';
import { sealPdf } from './pades';
import { grantedResponse, issueToken } from './timestamp-token';
import { OID } from './cms';
import * as pkijs from 'pkijs';

/** The proof services from a seal signer, a stamping function and the public certificates. */
export const trustServices = (options: {
  seal: () => Promise<ByteSigner>;
  stamp: (sha256: Uint8Array) => Promise<{ token: Uint8Array; tsa: string }>;
  publicMaterial: () => Promise<{ sealCertificates: string[]; tsaCertificates: string[] }>;
}): TrustServices => ({
  stamp: options.stamp,
  sealPdf: async (pdf, at) =>
    sealPdf(pdf, { seal: await options.seal(), stamp: async (h) => (await options.stamp(h)).token, at }),
  publicMaterial: options.publicMaterial,
});

/** What `GET /v1/public/trust` shows of local material: each list from its signer to the root. */
export const localPublicMaterial = (material: LocalTrustFile) => ({
  sealCertificates: [material.seal.certificate, material.root.certificate],
  tsaCertificates: [material.tsa.certificate, material.root.certificate],
});

/**
 * The local timestamp authority, answering RFC 3161 requests (DER TimeStampReq) at the stack's
 * instant; `unavailable` plays an outage (503), as an outside authority may have one.
 */
export class LocalTimestampAuthority {
  unavailable = false;

  constructor(
    private readonly material: LocalTrustFile,
    private readonly clock: Clock,
  ) {}

  private get signer() {
    return localSigner(this.material.tsa.certificate, this.material.tsa.key, [this.material.root.certificate]);
  }

  /** A token for a digest, without HTTP (the in-memory wiring of unit tests). */
  token(sha256: Uint8Array) {
    if (this.unavailable) return Promise.reject(new Error('the timestamp authority is unavailable'));
    return issueToken(this.signer, sha256, this.clock.now());
  }

  /** An HTTP answer to a DER TimeStampReq: 200 with a granted TimeStampResp, 400 or 503 otherwise. */
  async respond(body: Uint8Array): Promise<{ status: number; body: Uint8Array | string }> {
    if (this.unavailable) return { status: 503, body: 'the timestamp authority is unavailable' };
    let request: pkijs.TimeStampReq;
    try {
      request = pkijs.TimeStampReq.fromBER(Uint8Array.from(body).buffer);
    } catch {
      return { status: 400, body: 'expected a DER TimeStampReq (RFC 3161)' };
    }
    const imprint = request.messageImprint;
    if (imprint.hashAlgorithm.algorithmId !== OID.sha256 || imprint.hashedMessage.getValue().byteLength !== 32)
      return { status: 400, body: 'only SHA-256 imprints are stamped' };
    const nonce = request.nonce ? new Uint8Array(request.nonce.valueBlock.valueHexView) : undefined;
    const token = await issueToken(
      this.signer,
      new Uint8Array(imprint.hashedMessage.getValue()),
      this.clock.now(),
      nonce,
    );
    return { status: 200, body: grantedResponse(token) };
  }
}

let generated: Promise<LocalTrustFile> | undefined;

/** Proof services with keys made in this process, no HTTP: the in-memory wiring of unit tests. */
export const inMemoryTrust = (clock: Clock) => {
  generated ??= makeLocalTrust();
  let authority: LocalTimestampAuthority | undefined;
  const tsa = async () => (authority ??= new LocalTimestampAuthority(await generated!, clock));
  return trustServices({
    seal: async () => {
      const m = await generated!;
      return localSigner(m.seal.certificate, m.seal.key, [m.root.certificate]);
    },
    stamp: async (sha256) => ({ token: await (await tsa()).token(sha256), tsa: 'local' }),
    publicMaterial: async () => localPublicMaterial(await generated!),
  });
};
