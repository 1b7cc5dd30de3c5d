import type { Dossier, Requirements } from '../api/client';
import { serviceNow } from '../api/service-time';
import { daysLeft, formatDateTime, formatDaysLeft } from '../ui/format';
import { actorLabel, countEvidence, formatEvidenceCount, nextStep, type Viewer } from './next-step';

/** The head of a dossier page: the next step, who takes it, by when (by the service's clock). */
export const NextStepBanner = ({
  dossier,
  requirements,
  viewer,
  now = serviceNow(),
}: {
  dossier: Dossier;
  requirements: Requirements | undefined;
  viewer: Viewer;
  now?: Date;
}) => {
  const step = nextStep(dossier, requirements, viewer);
  const late = step.dueAt !== undefined && step.actor !== 'none' && daysLeft(step.dueAt, now) < 0;
  return (
    <section aria-labelledby="next-step-title" className="fr-callout fr-mb-4w tlc-next-step" id="next-step">
      <h2 id="next-step-title" className="fr-callout__title fr-h5">
        Prochaine étape — {actorLabel(step, viewer)}
      </h2>
      <p className="fr-callout__text fr-mb-1w">{step.text}</p>
      {step.suspended && (
        <p className="fr-text--sm fr-mb-1w">
          <strong>Délai de décision suspendu</strong> tant qu’une demande de pièces est en cours
          {dossier.decisionClock?.suspendedDays
            ? ` (déjà ${dossier.decisionClock.suspendedDays} jour(s) de suspension)`
            : ''}
          .
        </p>
      )}
      {step.dueAt && (
        <p className="fr-text--sm fr-mb-1w">
          {step.actor === 'none' ? 'Recours possible jusqu’au ' : 'Avant le '}
          {formatDateTime(step.dueAt)} —{' '}
          <span className={late ? 'tlc-late' : undefined}>{formatDaysLeft(step.dueAt, now)}</span>
        </p>
      )}
      {requirements && (
        <p className="fr-text--sm fr-mb-1w">
          Preuves : <span className="tlc-evidence-count">{formatEvidenceCount(countEvidence(requirements))}</span>
        </p>
      )}
      {step.anchor && (
        <p className="fr-text--sm fr-mb-0">
          <a href={`#${step.anchor}`} className="fr-link fr-icon-arrow-down-line fr-link--icon-right">
            Aller à cette étape
          </a>
        </p>
      )}
    </section>
  );
};
