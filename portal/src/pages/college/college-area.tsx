import { StaffNotesPanel } from '../../dossier/staff-notes-panel';
import { isAllowed } from '../../../../functions/domain/dossier-commands';
import { NotFoundPage } from '../public/not-found-page';
import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Route, Switch, useParams } from 'wouter';
import { api, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommand, useLoad } from '../../ui/use-load';
import { formatDate, formatDateTime } from '../../ui/format';
import { DecisionPanel, DossierSummary } from '../../dossier/dossier-summary';
import { QueueTable } from '../instructor/queue-table';
import { lines } from '../../ui/text';
import { ChoiceField, CommandForm, TextAreaField } from '../../ui/command-form';
import { COLLEGE_OUTCOMES } from '../../../../functions/domain/decision';

const Agenda = () => {
  const { data, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/college/agenda', { params: { query: { limit: 100 } } })),
    [],
  );
  return (
    <Page title="Ordre du jour du collège">
      <ProblemAlert error={error} />
      {loading && <Loading />}
      {data && (
        <>
          <p>Prochaine séance : {formatDate(data.session)}.</p>
          <QueueTable
            items={data.items}
            caption="Dossiers prêts pour décision"
            hrefOf={(i) => `/dossiers/${i.dossierId}`}
          />
        </>
      )}
    </Page>
  );
};

type Outcome = 'certified' | 'certified_with_reservations' | 'refused';

/**
 * The decision form: what the collège may decide depends on the instruction report (API v1.1):
 * on an unfavourable report, a refusal (with reasons) or a certificate with reservations.
 */
const Decide = () => {
  const { id } = useParams<{ id: string }>();
  const {
    data: dossier,
    error,
    loading,
    reload,
  } = useLoad(() => unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id } } })), [id]);
  const command = useCommand();
  const [outcome, setOutcome] = useState<Outcome>();
  const [text, setText] = useState('');
  if (loading && !dossier) return <Loading />;
  if (!dossier) return <ProblemAlert error={error} />;
  const unfavourable = dossier.instructionReport?.outcome === 'unfavourable';
  const allowed: Outcome[] = COLLEGE_OUTCOMES.filter((o) => !unfavourable || o !== 'certified');
  const chosen = outcome ?? allowed[0]!;
  const labels: Record<Outcome, string> = {
    certified: 'Certifier',
    certified_with_reservations: 'Certifier avec réserves',
    refused: 'Refuser',
  };
  return (
    <Page
      title={`Décision — ${dossier.product.name} ${dossier.product.version}`}
      trail={[{ label: 'Ordre du jour', href: '~/college' }]}
    >
      <DossierSummary dossier={dossier} />
      {dossier.instructionReport && (
        <Alert
          severity={unfavourable ? 'warning' : 'info'}
          title={`Rapport d’instruction ${unfavourable ? 'défavorable' : 'favorable'} du ${formatDateTime(dossier.instructionReport.at)}`}
          description={
            dossier.instructionReport.nonConformities?.length ? (
              <ul>
                {dossier.instructionReport.nonConformities.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            ) : (
              'Toutes les exigences applicables ont été jugées conformes.'
            )
          }
          className="fr-mb-3w"
        />
      )}
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      {dossier.decision ? (
        <DecisionPanel decision={dossier.decision} />
      ) : (
        isAllowed('college_decision', dossier.status) && (
          <CommandForm
            submit="Enregistrer la décision"
            busy={command.busy}
            onSubmit={() =>
              command.run(async () => {
                await unwrap(
                  api.POST('/v1/dossiers/{id}/college-decision', {
                    params: { path: { id } },
                    body: {
                      decision: chosen,
                      ...(chosen === 'refused' ? { reasons: lines(text) } : {}),
                      ...(chosen === 'certified_with_reservations' ? { reservations: lines(text) } : {}),
                    },
                  }),
                );
                await reload();
              }, 'Décision enregistrée et notifiée.')
            }
          >
            <ChoiceField
              legend="Décision du collège"
              name="decision"
              hint={
                unfavourable ? 'Sur un rapport défavorable, le collège refuse ou certifie avec réserves.' : undefined
              }
              choices={Object.fromEntries(allowed.map((o) => [o, labels[o]])) as Record<Outcome, string>}
              value={chosen}
              onChange={setOutcome}
            />
            {chosen !== 'certified' && (
              <TextAreaField
                label={chosen === 'refused' ? 'Motifs du refus (un par ligne)' : 'Réserves (une par ligne)'}
                name="reasons"
                value={text}
                onChange={setText}
              />
            )}
          </CommandForm>
        )
      )}
      <StaffNotesPanel dossierId={id} />
    </Page>
  );
};

export default function CollegeArea() {
  return (
    <Switch>
      <Route path="/" component={Agenda} />
      <Route path="/dossiers/:id" component={Decide} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
