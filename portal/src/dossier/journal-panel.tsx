import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { api, unwrap } from '../api/client';
import { ProblemAlert } from '../ui/problem-alert';
import { useLoad } from '../ui/use-load';
import { formatDateTime } from '../ui/format';
import { Section } from '../ui/section';
import { ACTOR_LABELS, JOURNAL_EVENT_LABELS, labelOf } from '../ui/labels';

/** The dossier's history as the journal records it, its hash chain verified by the service. */
export const JournalPanel = ({ dossierId, version }: { dossierId: string; version: number }) => {
  const { data, error } = useLoad(
    () => unwrap(api.GET('/v1/dossiers/{id}/journal', { params: { path: { id: dossierId } } })),
    [dossierId, version],
  );
  return (
    <Section id="journal" title="Historique (journal)">
      <ProblemAlert error={error} />
      {data && (
        <>
          <Alert
            small
            severity={data.verified ? 'success' : 'error'}
            description={
              data.verified ? 'Chaîne d’empreintes vérifiée.' : `Chaîne rompue à l’événement ${data.firstBrokenSeq}.`
            }
            className="fr-mb-2w"
          />
          <div className="fr-table fr-table--sm">
            <table>
              <caption>Événements du dossier</caption>
              <thead>
                <tr>
                  <th scope="col">N°</th>
                  <th scope="col">Événement</th>
                  <th scope="col">Date</th>
                  <th scope="col">Acteur</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{labelOf(JOURNAL_EVENT_LABELS, e.type)}</td>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{labelOf(ACTOR_LABELS, e.actor.role)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
};
