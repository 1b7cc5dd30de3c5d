import { CLOSED_REASON_LABELS, labelOf } from '../ui/labels';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Dossier } from '../api/client';
import { STATUS_LABELS, statusSeverity, USE_CASE_LABELS, PROFILE_LABELS } from '../ui/labels';
import { DeadlineList } from '../ui/deadlines';
import { formatDate, formatDateTime } from '../ui/format';
import { IssuedDocumentLink } from './issued-document-link';
import { RETENTION_NOTICE_DAYS } from '../../../functions/domain/retention';

/** Who, what, where it stands and which clocks run: the head of every dossier page. */
export const DossierSummary = ({ dossier }: { dossier: Dossier }) => (
  <div className="fr-grid-row fr-grid-row--gutters fr-mb-4w">
    <div className="fr-col-12 fr-col-md-6">
      <p>
        <Badge severity={statusSeverity(dossier.status)}>{STATUS_LABELS[dossier.status]}</Badge>
      </p>
      <dl>
        {dossier.companyName && (
          <>
            <dt className="fr-text--bold">Entreprise candidate</dt>
            <dd>{dossier.companyName}</dd>
          </>
        )}
        <dt className="fr-text--bold">Référence du dossier</dt>
        <dd>
          {dossier.reference ? (
            <>
              <strong>{dossier.reference}</strong>
              <br />
              <span className="fr-text--xs">
                identifiant technique <code>{dossier.id}</code>
              </span>
            </>
          ) : (
            <code>{dossier.id}</code>
          )}
        </dd>
        <dt className="fr-text--bold">Cas d’usage</dt>
        <dd>{USE_CASE_LABELS[dossier.useCase]}</dd>
        <dt className="fr-text--bold">Profils</dt>
        <dd>{dossier.profiles.map((p) => PROFILE_LABELS[p].title).join(', ') || '—'}</dd>
        {dossier.receipt && (
          <>
            <dt className="fr-text--bold">Accusé de réception du dossier complet</dt>
            <dd>
              {formatDateTime(dossier.receipt.at)} — empreinte du journal{' '}
              <code>{dossier.receipt.hash.slice(0, 16)}…</code>
              <br />
              <IssuedDocumentLink dossierId={dossier.id} kind="receipt">
                Télécharger l’accusé de réception (PDF scellé)
              </IssuedDocumentLink>
            </dd>
          </>
        )}
        {dossier.closedAt && (
          <>
            <dt className="fr-text--bold">Clos le</dt>
            <dd>
              {formatDateTime(dossier.closedAt)}
              {dossier.closedReason ? ` — ${labelOf(CLOSED_REASON_LABELS, dossier.closedReason)}` : ''}
            </dd>
          </>
        )}
        {dossier.retention && (
          <>
            <dt className="fr-text--bold">Conservation des données</dt>
            <dd>
              Données personnelles effacées au terme du {formatDate(dossier.retention.dueAt)} (avis envoyé{' '}
              {RETENTION_NOTICE_DAYS} jours avant) ; le journal du dossier reste vérifiable.{' '}
              <a className="fr-link" href="/donnees-personnelles">
                Durées de conservation
              </a>
            </dd>
          </>
        )}
      </dl>
    </div>
    <div className="fr-col-12 fr-col-md-6">
      <h2 className="fr-h5">Délais en cours</h2>
      <DeadlineList deadlines={dossier.deadlines} />
    </div>
  </div>
);

/** The decision with its reasons and the means of appeal (R.1470-4). */
export const DecisionPanel = ({ decision }: { decision: NonNullable<Dossier['decision']> }) => {
  const outcome = {
    certified: 'Certification accordée',
    certified_with_reservations: 'Certification accordée avec réserves',
    refused: 'Certification refusée',
    inadmissible: 'Candidature irrecevable',
    tacit_acceptance: 'Certification acquise par acceptation tacite',
  } as Record<string, string>;
  return (
    <div className="fr-callout fr-mb-3w">
      <h3 className="fr-callout__title">{outcome[decision.outcome] ?? decision.outcome}</h3>
      <p className="fr-callout__text">Décision du {formatDateTime(decision.decidedAt)}.</p>
      {decision.reasons?.length ? (
        <>
          <p className="fr-text--bold fr-mb-0">Motifs</p>
          <ul>
            {decision.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {decision.reservations?.length ? (
        <>
          <p className="fr-text--bold fr-mb-0">Réserves</p>
          <ul>
            {decision.reservations.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="fr-text--sm">{decision.appeal.text}</p>
      {decision.receivedAt && (
        <p className="fr-text--sm">
          Décision reçue le {formatDateTime(decision.receivedAt)}
          {decision.appeal.until ? `. Recours possible jusqu’au ${formatDateTime(decision.appeal.until)}.` : '.'}
        </p>
      )}
    </div>
  );
};
