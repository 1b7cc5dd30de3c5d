import type { Dependencies } from '../container';
import { NotFoundError } from '../domain/errors';
import { verifyCertificate } from './certificates';

/**
 * « Vérifier un document », for anyone: whether the platform issued a PDF whose SHA-256 is
 * this (the person computes it in the browser: the document never leaves their machine), what it
 * is, when it was issued, and the certificate's status today. An edited copy has another hash:
 * it is unknown, as a forgery is.
 * Input: a SHA-256 (hex). Output: the issued document and, for a certificate or a convention that
 * led to one, the certificate as published (no personal data). 404 when the platform never issued it.
 */
export const verifyDocument = async (deps: Dependencies, sha256: string) => {
  const issued = await deps.issuedDocuments.find(sha256);
  if (!issued) throw new NotFoundError('the platform issued no document with this fingerprint');
  const number = issued.certificateNumber ?? (await deps.dossiers.get(issued.dossierId))?.dossier.certificate?.number;
  const certificate = number ? await verifyCertificate(deps, number).catch(() => undefined) : undefined;
  return { sha256, kind: issued.kind, issuedAt: issued.issuedAt, ...(certificate ? { certificate } : {}) };
};
