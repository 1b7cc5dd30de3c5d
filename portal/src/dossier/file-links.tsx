import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { api, unwrap, type Upload } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { UPLOAD_STATUS_LABELS } from '../ui/labels';
import { formatDateTime, formatSize } from '../ui/format';

const SCAN_LABELS: Record<string, string> = {
  pending: 'analyse antivirus en cours',
  NO_THREATS_FOUND: 'aucune menace détectée',
  THREATS_FOUND: 'menace détectée : ne pas ouvrir',
  UNSUPPORTED: 'format non analysable',
  ACCESS_DENIED: 'analyse impossible',
  FAILED: 'analyse en échec',
  not_scanned: 'non analysé (installation locale)',
};

const PREVIEWABLE = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** Sensitive evidence (penetration tests) has the security reviewers' own route. */
export const downloadLink = (dossierId: string, uploadId: string, sensitive: boolean) =>
  sensitive
    ? unwrap(
        api.GET('/v1/dossiers/{id}/sensitive-evidence/{uploadId}/download', {
          params: { path: { id: dossierId, uploadId } },
        }),
      )
    : unwrap(
        api.GET('/v1/dossiers/{id}/uploads/{uploadId}/download', { params: { path: { id: dossierId, uploadId } } }),
      );

/**
 * A deposited file: its state, download, and for PDFs and images a preview in the page. The
 * preview is fetched from its short-lived link and shown from a blob typed by the portal, never
 * as the candidate declared it, so a file cannot run as a page.
 */
export const FileItem = ({
  dossierId,
  upload,
  sensitive = false,
  readable = true,
  children,
}: {
  dossierId: string;
  upload: Upload;
  sensitive?: boolean;
  /** false for the company's own penetration-test evidence: kept apart, for the security reviewers */
  readable?: boolean;
  children?: React.ReactNode;
}) => {
  const [preview, setPreview] = useState<{ url: string; type: string }>();
  const [error, setError] = useState<unknown>();
  const download = async () => {
    try {
      window.location.assign((await downloadLink(dossierId, upload.id, sensitive)).url);
    } catch (e) {
      setError(e);
    }
  };
  const showPreview = async () => {
    try {
      if (preview) return setPreview(undefined);
      const { url } = await downloadLink(dossierId, upload.id, sensitive);
      const blob = await (await fetch(url)).blob();
      setPreview({
        url: URL.createObjectURL(new Blob([blob], { type: upload.contentType })),
        type: upload.contentType,
      });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <li className="fr-mb-2w">
      <span>
        {upload.fileName}{' '}
        <span className="fr-text--xs">
          ({formatSize(upload.size)}, déposé le {formatDateTime(upload.createdAt)})
        </span>{' '}
        <Badge
          small
          severity={upload.status === 'received' ? 'success' : upload.status === 'rejected' ? 'error' : 'info'}
          noIcon
        >
          {UPLOAD_STATUS_LABELS[upload.status]}
        </Badge>{' '}
        {upload.review && (
          <Badge small severity={upload.review.verdict === 'compliant' ? 'success' : 'warning'} noIcon>
            {upload.review.verdict === 'compliant' ? 'Conforme' : 'Non conforme'}
          </Badge>
        )}
      </span>
      {upload.scan && (
        <p className={`fr-text--xs fr-mb-0${upload.scan.status === 'THREATS_FOUND' ? ' tlc-late' : ''}`}>
          Antivirus : {SCAN_LABELS[upload.scan.status] ?? upload.scan.status}
        </p>
      )}
      {upload.rejectedReason && <p className="fr-text--xs fr-mb-0">Motif du refus : {upload.rejectedReason}</p>}
      {upload.review?.comment && <p className="fr-text--xs fr-mb-0">Commentaire de l’ANS : {upload.review.comment}</p>}
      {!readable && upload.status === 'received' && (
        <p className="fr-text--xs fr-mb-0">
          Preuve sensible conservée à part : seuls les relecteurs sécurité de l’ANS peuvent l’ouvrir.
        </p>
      )}
      {!readable && upload.status === 'received' && children && <div className="fr-mt-1w">{children}</div>}
      {readable && upload.status === 'received' && upload.scan?.status !== 'THREATS_FOUND' && (
        <div className="fr-mt-1w">
          <Button size="small" priority="tertiary" iconId="fr-icon-download-line" onClick={() => void download()}>
            Télécharger <span className="fr-sr-only">{upload.fileName}</span>
          </Button>{' '}
          {PREVIEWABLE.includes(upload.contentType) && (
            <Button size="small" priority="tertiary" iconId="fr-icon-eye-line" onClick={() => void showPreview()}>
              {preview ? 'Masquer l’aperçu' : 'Aperçu'} <span className="fr-sr-only">de {upload.fileName}</span>
            </Button>
          )}{' '}
          {children}
        </div>
      )}
      <ProblemAlert error={error} />
      {preview &&
        (preview.type === 'application/pdf' ? (
          <iframe className="tlc-preview fr-mt-1w" src={preview.url} title={`Aperçu de ${upload.fileName}`} />
        ) : (
          <img className="tlc-preview-image fr-mt-1w" src={preview.url} alt={`Aperçu de ${upload.fileName}`} />
        ))}
    </li>
  );
};
