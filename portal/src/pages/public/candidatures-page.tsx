import { api, unwrap, type Schemas } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { formatDate } from '../../ui/format';

type Candidature = Schemas['PublicCandidaturePage']['items'][number];

const STAGE_LABELS: Record<Candidature['stage'], string> = {
  admissibility: 'Examen de recevabilité',
  evidence: 'Dépôt des preuves',
  instruction: 'Instruction',
};

/** Every page of the list (no sign-in): candidatures under way are few. */
const loadAll = async () => {
  const items: Candidature[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/v1/public/candidatures', { params: { query: { limit: 100, cursor } } }));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};

/**
 * Candidatures under way whose company allowed ANS to publish its planned date of a complete
 * evidence file (guide §4.1): the product, the company and that date, nothing else.
 */
export const CandidaturesPage = () => {
  const { data, error, loading } = useLoad(loadAll, []);
  return (
    <Page title="Candidatures en cours">
      <p>
        Les solutions dont la candidature à la certification est en cours, et la date à laquelle leur éditeur prévoit de
        déposer un dossier de preuves complet, publiée avec son accord (à titre informatif).
      </p>
      <ProblemAlert error={error} />
      {loading ? (
        <Loading />
      ) : !data?.length ? (
        <p role="status">Aucune candidature en cours n’est publiée pour l’instant.</p>
      ) : (
        <div className="fr-table fr-table--no-caption">
          <p role="status" aria-live="polite">
            {data.length} candidature{data.length > 1 ? 's' : ''}
          </p>
          <table>
            <caption>Candidatures en cours</caption>
            <thead>
              <tr>
                <th scope="col">Solution</th>
                <th scope="col">Éditeur</th>
                <th scope="col">Étape</th>
                <th scope="col">Dossier de preuves complet prévu le</th>
              </tr>
            </thead>
            <tbody>
              {data.map((c) => (
                <tr key={c.dossierId}>
                  <td>
                    {c.product.name} {c.product.version}
                  </td>
                  <td>{c.companyName}</td>
                  <td>{STAGE_LABELS[c.stage]}</td>
                  <td>{formatDate(`${c.plannedCompleteProofDate}T12:00:00Z`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
};
