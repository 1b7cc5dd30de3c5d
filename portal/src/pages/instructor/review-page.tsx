// when each command is offered: the domain's table (dossier-commands.ts), as the API decides
import { isAllowed } from '../../../../functions/domain/dossier-commands';
import { useState } from 'react';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Link, useParams } from 'wouter';
import { api, postOnDossier, unwrap } from '../../api/client';
import { NotificationsPanel } from '../../dossier/notifications-panel';
import { INS_OUTCOME_LABELS, labelOf, NOTIFICATION_LABELS } from '../../ui/labels';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommands, useLoad } from '../../ui/use-load';
import { PURPOSE_LABELS } from '../../ui/labels';
import { formatDate } from '../../ui/format';
import { DecisionPanel, DossierSummary } from '../../dossier/dossier-summary';
import { FileItem } from '../../dossier/file-links';
import { EvidenceReview } from '../../dossier/evidence-review';
import { MessagesPanel, useDossierMessages } from '../../dossier/messages-panel';
import { StaffNotesPanel } from '../../dossier/staff-notes-panel';
import { AssignmentPanel } from '../../dossier/assignment-panel';
import { JournalPanel } from '../../dossier/journal-panel';
import { lines } from '../../ui/text';
import { loadDossier } from '../../dossier/load-dossier';
import {
  ChoiceField,
  CommandForm,
  InstantField,
  TextAreaField,
  TextField,
  useChoice,
  useField,
} from '../../ui/command-form';
import { CLOCKS, inFigures } from '../../../../functions/domain/legal-periods';
import { Section } from '../../ui/section';
import { PageSummary } from '../../ui/page-summary';
import { NextStepBanner } from '../../dossier/next-step-banner';
import { InfoRequestsPanel } from '../../dossier/info-requests-panel';

/** An instructor's dossier: evidence, admissibility, requests, INS test day, instruction report. */
export const ReviewPage = () => {
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, reload } = useLoad(() => loadDossier(id), [id]);
  const messages = useDossierMessages(id);
  const { command, act } = useCommands(reload);
  const [admissibility, setAdmissibility] = useState<'admissible' | 'incomplete' | 'inadmissible'>('admissible');
  const items = useField();
  const requestItems = useField();
  const insOutcome = useChoice<'passed' | 'failed' | 'waived'>('passed');
  const insComment = useField();
  const insHeldOn = useField();
  const [report, setReport] = useState<'favourable' | 'unfavourable'>('favourable');
  const nonConformities = useField();
  const [exceptional, setExceptional] = useState(false);
  const receivedOn = useField();
  const receiptMeans = useField();
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const { dossier, requirements } = data;
  // the candidature's own documents: proofs have their requirements, attachments their messages
  const documents = dossier.uploads.filter(
    (u) => u.purpose !== 'proof' && u.purpose !== 'attachment' && u.status !== 'withdrawn',
  );

  return (
    <Page
      title={`${dossier.product.name} ${dossier.product.version}`}
      trail={[{ label: 'Files d’instruction', href: '~/instruction' }]}
    >
      <NextStepBanner dossier={dossier} requirements={requirements} viewer="staff" />
      <PageSummary watch={data} />
      <DossierSummary dossier={dossier} />
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      <AssignmentPanel dossier={dossier} act={act} busy={command.busy} />

      <Section id="docs" title="Documentation fonctionnelle et mandats">
        {documents.length === 0 && <p className="fr-text--sm">Aucun document.</p>}
        <ul className="fr-raw-list">
          {documents.map((u) => (
            <FileItem key={u.id} dossierId={dossier.id} upload={u}>
              <span className="fr-text--xs">{PURPOSE_LABELS[u.purpose]}</span>
            </FileItem>
          ))}
        </ul>
      </Section>

      {isAllowed('decide_admissibility', dossier.status) && (
        <Section id="adm" title="Recevabilité">
          <CommandForm
            submit="Enregistrer la décision"
            busy={command.busy}
            onSubmit={() =>
              act(
                () =>
                  postOnDossier('/v1/dossiers/{id}/admissibility', dossier.id, {
                    decision: admissibility,
                    ...(admissibility === 'incomplete' ? { missingItems: lines(items.value) } : {}),
                    ...(admissibility === 'inadmissible' ? { reasons: lines(items.value) } : {}),
                  }),
                'Décision de recevabilité enregistrée.',
              )
            }
          >
            <ChoiceField
              legend="Décision"
              name="admissibility"
              choices={{
                admissible: 'Recevable',
                incomplete: 'Incomplet (demande de pièces)',
                inadmissible: 'Irrecevable',
              }}
              value={admissibility}
              onChange={setAdmissibility}
            />
            {admissibility !== 'admissible' && (
              <TextAreaField
                label={
                  admissibility === 'incomplete'
                    ? 'Pièces manquantes (une par ligne)'
                    : 'Motifs de l’irrecevabilité (un par ligne)'
                }
                name="items"
                {...items}
              />
            )}
          </CommandForm>
        </Section>
      )}

      {requirements && (
        <EvidenceReview dossierId={dossier.id} requirements={requirements} onReviewed={() => void reload()} />
      )}

      <InfoRequestsPanel dossier={dossier}>
        {isAllowed('open_info_request', dossier.status) && dossier.infoRequests.some((r) => r.status === 'open') && (
          <p className="fr-text--sm">Une demande attend la réponse de l’entreprise : une seule à la fois.</p>
        )}
        {isAllowed('open_info_request', dossier.status) && !dossier.infoRequests.some((r) => r.status === 'open') && (
          <CommandForm
            submit="Envoyer une demande"
            priority="secondary"
            busy={command.busy}
            onSubmit={() =>
              act(
                async () => {
                  await postOnDossier('/v1/dossiers/{id}/info-requests', dossier.id, {
                    missingItems: lines(requestItems.value),
                  });
                  requestItems.onChange('');
                },
                `Demande envoyée : le candidat a ${inFigures(CLOCKS.info_request.period)} pour répondre.`,
              )
            }
          >
            <TextAreaField label="Éléments demandés (un par ligne)" name="missingItems" {...requestItems} />
          </CommandForm>
        )}
      </InfoRequestsPanel>

      {isAllowed('propose_ins_test_day', dossier.status) && (
        <>
          <Section id="ins" title="Journée de test INS">
            <p>
              {dossier.insTestDay?.proposedDate
                ? `Date proposée par le candidat : ${formatDate(dossier.insTestDay.proposedDate)}.`
                : 'Aucune date proposée.'}
              {dossier.insTestDay?.outcome
                ? ` Résultat enregistré : ${labelOf(INS_OUTCOME_LABELS, dossier.insTestDay.outcome)}.`
                : ''}
            </p>
            <CommandForm
              submit="Enregistrer le résultat"
              priority="secondary"
              busy={command.busy}
              onSubmit={() =>
                act(
                  () =>
                    postOnDossier('/v1/dossiers/{id}/ins-test-day/outcome', dossier.id, {
                      outcome: insOutcome.value,
                      ...(insOutcome.value !== 'waived' && insHeldOn.value ? { heldOn: insHeldOn.value } : {}),
                      ...(insComment.value.trim() ? { comment: insComment.value.trim() } : {}),
                    }),
                  'Résultat de la journée INS enregistré.',
                )
              }
            >
              <ChoiceField
                legend="Résultat"
                name="insOutcome"
                choices={{ passed: 'Réussie', failed: 'Échouée', waived: 'Dispense (les preuves INS suffisent)' }}
                {...insOutcome}
              />
              {insOutcome.value !== 'waived' && (
                <TextField
                  type="date"
                  label="Date de la journée"
                  hint="Le jour où elle a eu lieu ; par défaut la date proposée par le candidat"
                  name="heldOn"
                  {...insHeldOn}
                />
              )}
              <TextAreaField label="Commentaire (obligatoire pour une dispense)" name="insComment" {...insComment} />
            </CommandForm>
          </Section>
          <Section id="report" title="Rapport d’instruction">
            <CommandForm
              submit="Clore l’instruction"
              busy={command.busy}
              onSubmit={() =>
                act(
                  () =>
                    postOnDossier('/v1/dossiers/{id}/instruction/complete', dossier.id, {
                      outcome: report,
                      ...(report === 'unfavourable' ? { nonConformities: lines(nonConformities.value) } : {}),
                      ...(exceptional ? { exceptional: true } : {}),
                    }),
                  report === 'favourable'
                    ? 'Instruction close : la convention est envoyée au candidat.'
                    : 'Instruction close : le dossier passe devant le collège.',
                )
              }
            >
              <ChoiceField
                legend="Conclusion"
                name="report"
                choices={{
                  favourable: 'Favorable (toutes les preuves conformes, test INS réussi ou dispensé)',
                  unfavourable: 'Défavorable (le collège décide)',
                }}
                value={report}
                onChange={setReport}
              />
              {report === 'unfavourable' && (
                <TextAreaField label="Non-conformités (une par ligne)" name="nonConformities" {...nonConformities} />
              )}
              <Checkbox
                options={[
                  {
                    label: 'Certificat exceptionnel (domaines socles seulement)',
                    nativeInputProps: {
                      checked: exceptional,
                      onChange: (e) => setExceptional(e.target.checked),
                      name: 'exceptional',
                    },
                  },
                ]}
              />
            </CommandForm>
          </Section>
        </>
      )}

      {dossier.decision && <DecisionPanel decision={dossier.decision} />}
      <NotificationsPanel notifications={dossier.notifications} busy={command.busy} />
      {dossier.notifications
        .filter((n) => n.receipt === null && n.deemedReceivedAt === null)
        .slice(0, 1)
        .map((n) => (
          <Section key={n.id} id="receipt" title="Enregistrer une réception par un autre moyen">
            <p className="fr-text--sm">
              Les adresses de l’entreprise sont injoignables : « {NOTIFICATION_LABELS[n.kind]} » ne peut pas être
              réputée reçue. Indiquez quand et comment l’ANS l’a remise ; les délais courent de cette date.
            </p>
            <CommandForm
              submit="Enregistrer la réception"
              busy={command.busy}
              ready={Boolean(receivedOn.value && receiptMeans.value.trim())}
              onSubmit={() =>
                act(
                  () =>
                    unwrap(
                      api.POST('/v1/dossiers/{id}/notifications/{notificationId}/receipt', {
                        params: { path: { id: dossier.id, notificationId: n.id } },
                        body: { receivedAt: new Date(receivedOn.value).toISOString(), means: receiptMeans.value },
                      }),
                    ),
                  'Réception enregistrée.',
                )
              }
            >
              <InstantField label="Reçue le" name="receivedAt" {...receivedOn} />
              <TextField
                label="Moyen de remise"
                hint="Lettre recommandée avec accusé de réception, remise en main propre…"
                name="means"
                {...receiptMeans}
              />
            </CommandForm>
          </Section>
        ))}
      {dossier.certificate && (
        <p>
          <Link href={`/certificats/${dossier.certificate.number}`}>
            Certificat {dossier.certificate.number} : suivi et actions
          </Link>
        </p>
      )}
      <MessagesPanel dossierId={dossier.id} messages={messages} open={isAllowed('post_message', dossier.status)} />
      <StaffNotesPanel dossierId={dossier.id} />
      <JournalPanel dossier={dossier} messages={messages.data?.items} sent={messages.sent} />
    </Page>
  );
};
