import type { StoredDossier } from '../domain/ports';
import type { Upload } from '../domain/upload';

/** An upload as users see it: no storage location. */
export const uploadView = (u: Upload) => ({
  id: u.id,
  purpose: u.purpose,
  ...(u.requirementId ? { requirementId: u.requirementId } : {}),
  fileName: u.fileName,
  contentType: u.contentType,
  size: u.size,
  sha256: u.sha256,
  status: u.status,
  createdAt: u.createdAt,
  ...(u.receivedAt ? { receivedAt: u.receivedAt } : {}),
  ...(u.rejectedReason ? { rejectedAt: u.rejectedAt, rejectedReason: u.rejectedReason } : {}),
  ...(u.review ? { review: { verdict: u.review.verdict, comment: u.review.comment, at: u.review.at } } : {}),
});

/** The dossier as the API shows it (API.md `GET /v1/dossiers/{id}`). */
export const dossierView = (stored: StoredDossier, uploads: Upload[] = []) => {
  const { remindersSent: _reminders, ...dossier } = stored.dossier;
  return {
    ...dossier,
    infoRequests: dossier.infoRequests ?? [],
    uploads: uploads.map(uploadView),
    version: stored.version,
  };
};
