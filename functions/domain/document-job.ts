import { createHash } from 'node:crypto';

/**
 * A document the platform generates (convention, certificate, a signature's evidence file), rendered by one function only, so
 * that pdf-lib weighs on it alone. The command that makes a document due writes the job in the
 * same transaction as its decision; the document function renders it from the stored records.
 */
export const DOCUMENT_KINDS = ['receipt', 'decision', 'convention', 'certificate', 'signature-evidence'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The folder of each kind: the signature's evidence file lives beside the convention it proves. */
const DOCUMENT_FOLDERS: Record<DocumentKind, string> = {
  // the acknowledgement of a complete file and the decision: the dossier's notified acts
  receipt: 'notified',
  decision: 'notified',
  convention: 'convention',
  certificate: 'certificate',
  'signature-evidence': 'convention',
};

/**
 * Where generated documents live, by kind: `dossiers/{id}/{kind}/…` — a path no upload takes
 * (uploads go under their purpose), so that the renderer and the document routes are granted
 * these prefixes and nothing of the evidence (issue 23, least privilege).
 */
/** the folders documents live in, under `dossiers/{id}/` */
export const DOCUMENT_FOLDER_NAMES = [...new Set(Object.values(DOCUMENT_FOLDERS))];
export const DOCUMENT_KEY_PATTERNS = DOCUMENT_FOLDER_NAMES.map((folder) => `dossiers/*/${folder}/*`);

/** Where the acknowledgement of the complete file and the decision are kept (one of each per dossier and instant). */
export const receiptKey = (dossierId: string) => `dossiers/${dossierId}/notified/accuse-de-reception.pdf`;
export const decisionKey = (dossierId: string, at: string) =>
  `dossiers/${dossierId}/notified/decision-${at.replace(/[:.]/g, '-')}.pdf`;

/** Where the convention's signature evidence file is kept. */
export const signatureEvidenceKey = (dossierId: string) => `dossiers/${dossierId}/convention/signature-evidence.pdf`;

export interface DocumentJob {
  id: string;
  kind: DocumentKind;
  dossierId: string;
  /** the certificate's number, for a certificate */
  certificateNumber?: string;
  /** where the PDF goes in the evidence bucket */
  key: string;
  /** the instant the document is dated (the decision's) */
  at: string;
  createdAt: string;
}

/** One job per document and instant: a replayed command writes the same job again, a no-op. */
export const documentJob = (job: Omit<DocumentJob, 'id' | 'createdAt'>, createdAt: string): DocumentJob => ({
  ...job,
  id: createHash('sha256').update(`${job.kind}|${job.key}|${job.at}`).digest('hex').slice(0, 32),
  createdAt,
});

/**
 * A document the platform issued, known by the SHA-256 of its sealed bytes: anyone holding a copy
 * can ask whether the platform issued it (`GET /v1/public/documents/{sha256}`) without sending it.
 */
export interface IssuedDocument {
  sha256: string;
  kind: DocumentKind;
  dossierId: string;
  certificateNumber?: string;
  /** the instant the document is dated (its decision's) */
  issuedAt: string;
}
