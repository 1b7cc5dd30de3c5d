import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiProblem } from '../api/client';

/** The service's titles are English (the API's language); the portal names each kind in French. */
const FRENCH_TITLES: Record<number, string> = {
  0: 'Service injoignable',
  400: 'Saisie invalide',
  401: 'Connexion requise',
  403: 'Action non autorisée pour votre rôle',
  404: 'Introuvable',
  409: 'Action impossible à ce stade du dossier',
  412: 'Le dossier a changé entre-temps',
  413: 'Fichier ou texte trop volumineux',
  422: 'Règle non respectée',
};

/**
 * A refusal of the service, announced to screen readers (role=alert) with what it named: the
 * legal basis when the rule rests on one, and each field error.
 */
export const ProblemAlert = ({ error }: { error: unknown }) => {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  const title = (problem && FRENCH_TITLES[problem.status]) ?? problem?.title ?? 'Une erreur est survenue';
  // the service writes its details as clauses (« le délai de réponse a pris fin… »): a sentence here
  const raw = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  const detail = raw ? `${raw[0]!.toUpperCase()}${raw.slice(1)}${/[.!?]$/.test(raw) ? '' : '.'}` : raw;
  return (
    <div role="alert" className="fr-mb-3w">
      <Alert
        severity="error"
        title={title}
        description={
          <>
            <span>{detail}</span>
            {problem?.legalBasis && <span className="fr-text--sm"> (fondement : {problem.legalBasis})</span>}
            {problem?.errors && problem.errors.length > 0 && (
              <ul>
                {problem.errors.map((e, i) => (
                  <li key={i}>
                    {e.path ? <code>{e.path}</code> : null} : {e.message}
                  </li>
                ))}
              </ul>
            )}
          </>
        }
      />
    </div>
  );
};

/** A success, announced politely. */
export const SuccessNotice = ({ message }: { message?: string }) =>
  message ? (
    <div role="status" aria-live="polite" className="fr-mb-3w">
      <Alert severity="success" small description={message} />
    </div>
  ) : null;
