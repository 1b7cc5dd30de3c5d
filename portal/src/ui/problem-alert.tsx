import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { ApiProblem } from '../api/client';

/**
 * A refusal of the service, announced to screen readers (role=alert) with what it named: the
 * legal basis when the rule rests on one, and each field error.
 */
export const ProblemAlert = ({ error }: { error: unknown }) => {
  if (!error) return null;
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  const title = problem?.title ?? 'Une erreur est survenue';
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
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
                    {e.path ? <code>{e.path}</code> : null} {e.message}
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
