import type { ReactNode } from 'react';
import { CLOCKS } from '../../../functions/domain/legal-periods';
import type { Dossier } from '../api/client';
import { serviceNow } from '../api/service-time';
import { formatDateTime, formatDaysLeft } from '../ui/format';
import { Section } from '../ui/section';
import { FileItem } from './file-links';

type InfoRequest = Dossier['infoRequests'][number];

const STAGE_OF_REQUEST: Record<InfoRequest['stage'], string> = {
  admissibility: 'à la recevabilité',
  instruction: 'pendant l’instruction',
};

/**
 * Information requests, each with what was asked, when it is due or how it ended, and the answer
 * with its files: kept once answered or lapsed, for the company and for ANS alike (the files are
 * the answer's uploads, named by their request).
 */
export const InfoRequestList = ({ dossier, requests }: { dossier: Dossier; requests: InfoRequest[] }) => {
  const now = serviceNow();
  return (
    <ul className="fr-raw-list">
      {[...requests]
        .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
        .map((r) => {
          const files = dossier.uploads.filter(
            (u) => u.purpose === 'answer' && u.requestId === r.id && u.status !== 'withdrawn',
          );
          return (
            <li key={r.id} className="fr-mb-3w" data-request={r.id}>
              <p className="fr-mb-1v">
                <strong>Demande du {formatDateTime(r.openedAt)}</strong> ({STAGE_OF_REQUEST[r.stage]})
              </p>
              <ul className="fr-text--sm fr-mb-1v">
                {r.missingItems.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
              {r.status === 'open' && (
                <p className="fr-text--sm fr-mb-0">
                  <span className="fr-badge fr-badge--sm fr-badge--warning fr-mr-1w">En attente de réponse</span>
                  avant le {formatDateTime(r.dueAt)} — {formatDaysLeft(r.dueAt, now)}
                </p>
              )}
              {r.status === 'answered' && (
                <>
                  <p className="fr-text--sm fr-mb-1v">
                    <span className="fr-badge fr-badge--sm fr-badge--success fr-mr-1w">Répondue</span>
                    le {formatDateTime(r.answeredAt)}
                    {r.answer ? <> : « {r.answer} »</> : null}
                  </p>
                  {files.length > 0 && (
                    <ul className="fr-raw-list">
                      {files.map((u) => (
                        <FileItem key={u.id} dossierId={dossier.id} upload={u}>
                          <span className="fr-text--xs">Pièce jointe à la réponse</span>
                        </FileItem>
                      ))}
                    </ul>
                  )}
                </>
              )}
              {r.status === 'lapsed' && (
                <p className="fr-text--sm fr-mb-0">
                  <span className="fr-badge fr-badge--sm fr-badge--error fr-mr-1w">Sans réponse</span>
                  restée sans réponse dans le délai ({CLOCKS.info_request.legalBasis}), échu le{' '}
                  {formatDateTime(r.dueAt)}
                </p>
              )}
            </li>
          );
        })}
    </ul>
  );
};

/**
 * ANS's one place for a dossier's information requests: every request of every stage (the
 * admissibility's missing items as well as the instruction's), and the form to open one when the
 * dossier's status allows it.
 */
export const InfoRequestsPanel = ({ dossier, children }: { dossier: Dossier; children?: ReactNode }) => {
  if (dossier.infoRequests.length === 0 && !children) return null;
  return (
    <Section id="req" title={`Demandes de pièces (${dossier.infoRequests.length})`}>
      {dossier.infoRequests.length === 0 ? (
        <p className="fr-text--sm">Aucune demande n’a été envoyée.</p>
      ) : (
        <InfoRequestList dossier={dossier} requests={dossier.infoRequests} />
      )}
      {children}
    </Section>
  );
};
