import { useId, useState } from 'react';
import { ACCEPT, FILE_RULES } from './file-types';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { Upload } from '../api/client';
import { uploadFile, type UploadProgress } from './upload-file';
import { formatSize } from '../ui/format';

export const PHASE_LABELS: Record<UploadProgress['phase'], string> = {
  hashing: 'Calcul de l’empreinte SHA-256',
  requesting: 'Demande d’autorisation de dépôt',
  sending: 'Envoi du fichier',
  checking: 'Vérification par le service',
  received: 'Fichier reçu',
  rejected: 'Fichier refusé',
  failed: 'Échec du dépôt',
};

interface Item {
  name: string;
  size: number;
  progress: UploadProgress;
}

/**
 * A file field for one purpose (or one requirement): several files at once, each with its own
 * progress bar (hash, then send) and its outcome, announced to screen readers.
 */
export const EvidenceUpload = ({
  dossierId,
  purpose,
  requirementId,
  label,
  onDone,
}: {
  dossierId: string;
  purpose: Upload['purpose'];
  requirementId?: string;
  label: string;
  onDone: () => void;
}) => {
  const id = useId();
  const [items, setItems] = useState<Item[]>([]);
  const start = async (files: FileList | null) => {
    if (!files?.length) return;
    const chosen = [...files];
    const base = items.length;
    setItems((list) => [
      ...list,
      ...chosen.map((f) => ({ name: f.name, size: f.size, progress: { phase: 'hashing' as const, fraction: 0 } })),
    ]);
    await Promise.all(
      chosen.map((file, i) =>
        uploadFile(dossierId, file, { purpose, ...(requirementId ? { requirementId } : {}) }, (progress) =>
          setItems((list) => list.map((item, j) => (j === base + i ? { ...item, progress } : item))),
        ),
      ),
    );
    onDone();
  };
  return (
    <div className="fr-upload-group fr-mb-2w">
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text">{FILE_RULES} Plusieurs fichiers possibles.</span>
      </label>
      <input
        className="fr-upload"
        type="file"
        id={id}
        accept={ACCEPT}
        multiple
        onChange={(e) => {
          void start(e.target.files);
          e.target.value = '';
        }}
      />
      <ul className="fr-raw-list fr-mt-1w" aria-live="polite">
        {items.map((item, i) => {
          const { phase, fraction, message } = item.progress;
          const percent = Math.round(
            (phase === 'hashing'
              ? fraction * 0.3
              : phase === 'sending'
                ? 0.3 + fraction * 0.7
                : phase === 'requesting'
                  ? 0.3
                  : 1) * 100,
          );
          const ended = phase === 'received' || phase === 'rejected' || phase === 'failed';
          return (
            <li key={i} className="fr-mb-1w">
              <span className="fr-text--sm">
                {item.name} ({formatSize(item.size)}) — {PHASE_LABELS[phase]}
              </span>
              {!ended && (
                <progress className="tlc-progress" max={100} value={percent} aria-label={`Dépôt de ${item.name}`}>
                  {percent} %
                </progress>
              )}
              {phase === 'received' && (
                <Alert severity="success" small description={`${item.name} : reçu, empreinte vérifiée.`} />
              )}
              {(phase === 'rejected' || phase === 'failed') && (
                <Alert severity="error" small description={`${item.name} : ${message ?? PHASE_LABELS[phase]}`} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
};
