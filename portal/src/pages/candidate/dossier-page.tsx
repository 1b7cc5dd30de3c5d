import { isAllowed } from '../../../../functions/domain/dossier-commands';
import { IssuedDocumentLink } from '../../dossier/issued-document-link';
import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link, useParams } from 'wouter';
import { api, postOnDossier, unwrap, type Dossier, type Requirements, serviceNow } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommands, useLoad } from '../../ui/use-load';
import { formatDate, formatDateTime, formatDaysLeft } from '../../ui/format';
import { INS_OUTCOME_LABELS, labelOf, PURPOSE_LABELS } from '../../ui/labels';
import { DecisionPanel, DossierSummary } from '../../dossier/dossier-summary';
import { InfoRequestList } from '../../dossier/info-requests-panel';
import { JournalPanel } from '../../dossier/journal-panel';
import { MessagesPanel, useDossierMessages } from '../../dossier/messages-panel';
import { NotificationsPanel } from '../../dossier/notifications-panel';
import { RequirementTitle } from '../../dossier/requirement-title';
import { FileItem } from '../../dossier/file-links';
import { EvidenceUpload } from '../../upload/evidence-upload';
import { loadDossier } from '../../dossier/load-dossier';
import { candidatureDocumentsMayChange } from '../../../../functions/domain/candidature-documents';
import { CLOCKS, inWords } from '../../../../functions/domain/legal-periods';
import { CommandButton, CommandForm, TextAreaField, TextField, useField } from '../../ui/command-form';
import { Section } from '../../ui/section';
import { PageSummary } from '../../ui/page-summary';
import { NextStepBanner } from '../../dossier/next-step-banner';

const SECTION_STATUS: Record<string, string> = {
  not_started: 'Non commencée',
  in_progress: 'En cours',
  ready: 'Prête à remettre',
  submitted: 'Remise',
};

/** Withdrawing one of the dossier's files: the command, its outcome, then the dossier read again. */
const useWithdrawUpload = (dossierId: string, reload: () => void) => {
  const { command, act } = useCommands(async () => reload());
  const withdraw = (uploadId: string) =>
    act(
      () =>
        unwrap(api.DELETE('/v1/dossiers/{id}/uploads/{uploadId}', { params: { path: { id: dossierId, uploadId } } })),
      'Fichier retiré.',
    );
  return { command, withdraw };
};

const WithdrawButton = ({ fileName, onClick }: { fileName: string; onClick: () => void }) => (
  <Button size="small" priority="tertiary" iconId="fr-icon-delete-line" onClick={onClick}>
    Retirer <span className="fr-sr-only">{fileName}</span>
  </Button>
);

/** Documents of the candidature itself: functional documentation and mandates. */
const CandidatureDocuments = ({ dossier, reload }: { dossier: Dossier; reload: () => void }) => {
  // the service's own rule: a draft, or an admissibility information request still open
  const open = candidatureDocumentsMayChange(dossier);
  const { command, withdraw } = useWithdrawUpload(dossier.id, reload);
  return (
    <Section id="documents" title="Documentation fonctionnelle et mandats">
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      {(['functional_documentation', 'mandate'] as const).map((purpose) => {
        const files = dossier.uploads.filter((u) => u.purpose === purpose && u.status !== 'withdrawn');
        return (
          <div key={purpose} className="fr-mb-2w">
            <h3 className="fr-h6">{PURPOSE_LABELS[purpose]}</h3>
            {files.length === 0 && <p className="fr-text--sm">Aucun fichier.</p>}
            <ul className="fr-raw-list">
              {files.map((u) => (
                <FileItem key={u.id} dossierId={dossier.id} upload={u}>
                  {open && u.status === 'received' && (
                    <WithdrawButton fileName={u.fileName} onClick={() => void withdraw(u.id)} />
                  )}
                </FileItem>
              ))}
            </ul>
            {open && (
              <EvidenceUpload
                dossierId={dossier.id}
                purpose={purpose}
                label={`Déposer : ${PURPOSE_LABELS[purpose].toLowerCase()}`}
                onDone={reload}
              />
            )}
          </div>
        );
      })}
    </Section>
  );
};

/** The requirements by section, their evidence, deposit and hand-in. */
const EvidenceSections = ({
  dossier,
  requirements,
  reload,
}: {
  dossier: Dossier;
  requirements: Requirements;
  reload: () => void;
}) => {
  // one command for hand-ins and withdrawals: one alert for both
  const { command, withdraw } = useWithdrawUpload(dossier.id, reload);
  const handIn = (sectionId: string) =>
    command.run(async () => {
      const result = await unwrap(
        api.POST('/v1/dossiers/{id}/sections/{sectionId}/submit', { params: { path: { id: dossier.id, sectionId } } }),
      );
      reload();
      return result;
    }, 'Section remise.');
  return (
    <Section id="evidence" title={`Preuves par exigence (référentiel ${requirements.referentialVersion})`}>
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      {requirements.sections.map((section) => {
        const open = dossier.status === 'proofs_deposit' && section.status !== 'submitted';
        return (
          <section key={section.id} aria-labelledby={`section-${section.id}`} className="fr-card fr-p-3w fr-mb-3w">
            <h3 id={`section-${section.id}`} className="fr-h5">
              {section.title}{' '}
              <Badge
                small
                severity={section.status === 'submitted' ? 'success' : section.status === 'ready' ? 'info' : 'new'}
                noIcon
              >
                {SECTION_STATUS[section.status] ?? section.status}
              </Badge>
            </h3>
            {section.submittedAt && <p className="fr-text--sm">Remise le {formatDateTime(section.submittedAt)}.</p>}
            {section.requirements.map((r) => (
              <div key={r.id} className="fr-mb-3w">
                <RequirementTitle requirement={r} />
                {r.expectedEvidence && <p className="fr-text--sm fr-mb-1w">Preuve attendue : {r.expectedEvidence}</p>}
                <ul className="fr-raw-list">
                  {r.proofs
                    .filter((u) => u.status !== 'withdrawn')
                    .map((u) => (
                      <FileItem key={u.id} dossierId={dossier.id} upload={u} readable={!r.sensitive}>
                        {open && <WithdrawButton fileName={u.fileName} onClick={() => void withdraw(u.id)} />}
                      </FileItem>
                    ))}
                </ul>
                {(open ||
                  (dossier.status === 'instruction' &&
                    r.proofs.some((u) => u.review?.verdict === 'non_compliant'))) && (
                  <EvidenceUpload
                    dossierId={dossier.id}
                    purpose="proof"
                    requirementId={r.id}
                    label={`Déposer une preuve pour ${r.id}`}
                    onDone={reload}
                  />
                )}
              </div>
            ))}
            {open && (
              <Button onClick={() => void handIn(section.id)} disabled={command.busy}>
                Remettre la section « {section.title} »
              </Button>
            )}
          </section>
        );
      })}
    </Section>
  );
};

export const DossierPage = () => {
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, reload } = useLoad(() => loadDossier(id), [id]);
  const messages = useDossierMessages(id);
  const { command, act } = useCommands(reload);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const insDate = useField();
  const signatory = useField();
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const { dossier, requirements } = data;
  const path = { params: { path: { id: dossier.id } } };
  const openRequests = dossier.infoRequests.filter((r) => r.status === 'open');
  const now = serviceNow();

  return (
    <Page
      title={`${dossier.product.name} ${dossier.product.version}`}
      trail={[{ label: 'Mes dossiers', href: '~/candidat' }]}
    >
      <NextStepBanner dossier={dossier} requirements={requirements} viewer="candidate" />
      <PageSummary watch={data} />
      <DossierSummary dossier={dossier} />
      {dossier.status !== 'draft' && (
        <p className="tlc-no-print">
          <Link
            href={`/dossiers/${dossier.id}/recapitulatif`}
            className="fr-link fr-icon-printer-line fr-link--icon-left"
          >
            Récapitulatif imprimable de la candidature
          </Link>
        </p>
      )}
      <ProblemAlert error={command.error ?? error} />
      <SuccessNotice message={command.done} />

      {dossier.status === 'draft' && (
        <Section id="draft" title="Candidature en brouillon">
          <Button linkProps={{ href: `/dossiers/${dossier.id}/candidature` }} priority="secondary" className="fr-mr-2w">
            Compléter la candidature
          </Button>
          <CommandButton
            busy={command.busy}
            onRun={() =>
              act(
                () => postOnDossier('/v1/dossiers/{id}/submit', dossier.id),
                'Candidature déposée : l’ANS examine sa recevabilité.',
              )
            }
          >
            Déposer la candidature
          </CommandButton>
        </Section>
      )}

      {openRequests.map((r) => (
        <section key={r.id} aria-labelledby={`request-${r.id}`} className="fr-mb-4w">
          <Alert
            severity="warning"
            title={`Demande de pièces complémentaires — réponse avant le ${formatDateTime(r.dueAt)} (${formatDaysLeft(r.dueAt, now)})`}
            description={
              <>
                <span>Sans réponse à cette date, le dossier est réputé abandonné (R. 1470-2). Éléments demandés :</span>
                <ul>
                  {r.missingItems.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              </>
            }
          />
          <h2 id={`request-${r.id}`} className="fr-sr-only">
            Répondre à la demande de pièces
          </h2>
          <CommandForm
            className="fr-mt-2w"
            submit="Répondre à la demande"
            busy={command.busy}
            onSubmit={() =>
              act(
                () =>
                  unwrap(
                    api.POST('/v1/dossiers/{id}/info-requests/{requestId}/answer', {
                      params: { path: { id: dossier.id, requestId: r.id } },
                      body: { message: answers[r.id] ?? '' },
                    }),
                  ),
                'Réponse envoyée.',
              )
            }
          >
            <TextAreaField
              label="Votre réponse"
              hint="Déposez d’abord les fichiers demandés ci-dessous, puis répondez."
              name="answer"
              value={answers[r.id] ?? ''}
              onChange={(value) => setAnswers({ ...answers, [r.id]: value })}
            />
          </CommandForm>
        </section>
      ))}

      {dossier.convention && (
        <Section id="convention" title="Convention de certification">
          <Button
            priority="secondary"
            iconId="fr-icon-download-line"
            onClick={() =>
              void command.run(async () =>
                window.location.assign((await unwrap(api.GET('/v1/dossiers/{id}/convention', path))).url),
              )
            }
          >
            Télécharger la convention
          </Button>
          {dossier.convention.signedAt ? (
            <>
              <p className="fr-mt-2w">
                Signée le {formatDateTime(dossier.convention.signedAt)} par {dossier.convention.signatoryName}.
              </p>
              <Button
                priority="tertiary"
                iconId="fr-icon-file-download-line"
                onClick={() =>
                  void command.run(async () =>
                    window.location.assign((await unwrap(api.GET('/v1/dossiers/{id}/convention/evidence', path))).url),
                  )
                }
              >
                Télécharger le dossier de preuve de la signature
              </Button>
            </>
          ) : (
            (dossier.status === 'convention_pending' || dossier.decision?.outcome === 'tacit_acceptance') && (
              <CommandForm
                className="fr-mt-2w"
                submit="Signer la convention"
                busy={command.busy}
                ready={Boolean(signatory.value.trim())}
                onSubmit={() =>
                  act(
                    () =>
                      postOnDossier('/v1/dossiers/{id}/convention/sign', dossier.id, {
                        signatoryName: signatory.value,
                      }),
                    'Convention signée.',
                  )
                }
              >
                <TextField
                  label="Nom du signataire"
                  hint="Le représentant légal ou la personne qu’il a mandatée"
                  name="signatoryName"
                  autoComplete="name"
                  {...signatory}
                />
                <p className="fr-text--sm">
                  Vous signez la convention telle qu’elle est téléchargeable ci-dessus (son empreinte SHA-256 est
                  consignée). La signature demande une connexion de moins de 15 minutes : sinon, la plateforme vous
                  demande de vous reconnecter.
                </p>
              </CommandForm>
            )
          )}
        </Section>
      )}

      <NotificationsPanel
        notifications={dossier.notifications}
        busy={command.busy}
        onOpen={(notificationId) =>
          act(
            () =>
              unwrap(
                api.POST('/v1/dossiers/{id}/notifications/{notificationId}/open', {
                  params: { path: { id: dossier.id, notificationId } },
                }),
              ),
            'Notification reçue : sa date de réception est enregistrée.',
          )
        }
      />

      {dossier.decision && (
        <Section id="decision" title="Décision">
          <DecisionPanel decision={dossier.decision} />
          <p>
            <IssuedDocumentLink dossierId={dossier.id} kind="decision">
              Télécharger la décision (PDF scellé)
            </IssuedDocumentLink>
          </p>
          {!dossier.decision.receivedAt && (
            <CommandButton
              busy={command.busy}
              onRun={() =>
                act(
                  () => postOnDossier('/v1/dossiers/{id}/decision/acknowledge', dossier.id),
                  'Réception de la décision accusée.',
                )
              }
            >
              Accuser réception de la décision
            </CommandButton>
          )}
        </Section>
      )}

      {dossier.certificate && (
        <Section id="certificate" title={`Certificat ${dossier.certificate.number}`}>
          <p>
            Délivré le {formatDate(dossier.certificate.grantedAt)}
            {dossier.certificate.grantedBy === 'tacit_acceptance' ? ' par acceptation tacite' : ' par le collège'}.
          </p>
          <Link href={`/certificats/${dossier.certificate.number}`}>
            Voir le certificat, ses échéances et les courriers de l’ANS
          </Link>
        </Section>
      )}

      {dossier.status === 'instruction' &&
        !dossier.insTestDay?.proposedDate &&
        dossier.profiles.some((p) => p.startsWith('identity')) && (
          <Section id="ins" title="Journée de test INS">
            <p>
              À organiser dans les {inWords(CLOCKS.ins_test_day.period)} suivant l’accusé de réception du dossier
              complet
              {dossier.insTestDueAt ? ` (avant le ${formatDate(dossier.insTestDueAt)})` : ''}.
            </p>
            <CommandForm
              submit="Proposer cette date"
              busy={command.busy}
              ready={Boolean(insDate.value)}
              onSubmit={() =>
                act(
                  () => postOnDossier('/v1/dossiers/{id}/ins-test-day', dossier.id, { proposedDate: insDate.value }),
                  'Date proposée.',
                )
              }
            >
              <TextField type="date" label="Date proposée" name="proposedDate" {...insDate} />
            </CommandForm>
          </Section>
        )}
      {dossier.insTestDay?.proposedDate && (
        <p>
          Journée de test INS proposée le {formatDate(dossier.insTestDay.proposedDate)}
          {dossier.insTestDay.outcome ? ` — ${labelOf(INS_OUTCOME_LABELS, dossier.insTestDay.outcome)}` : ''}.
        </p>
      )}

      <CandidatureDocuments dossier={dossier} reload={() => void reload()} />
      {requirements && <EvidenceSections dossier={dossier} requirements={requirements} reload={() => void reload()} />}

      {dossier.infoRequests.some((r) => r.status !== 'open') && (
        <Section id="past-requests" title="Demandes de pièces traitées">
          <InfoRequestList dossier={dossier} requests={dossier.infoRequests.filter((r) => r.status !== 'open')} />
        </Section>
      )}

      <MessagesPanel
        dossierId={dossier.id}
        messages={messages}
        open={isAllowed('post_message', dossier.status)}
        canAttach
      />

      {/* the domain's table says when a command is allowed: the portal offers it then, and only then */}
      {isAllowed('withdraw', dossier.status) && (
        <CommandButton
          priority="tertiary"
          iconId="fr-icon-close-circle-line"
          busy={command.busy}
          confirm="Retirer cette candidature ? Le dossier sera clos."
          onRun={() => act(() => postOnDossier('/v1/dossiers/{id}/withdraw', dossier.id), 'Candidature retirée.')}
        >
          Retirer la candidature
        </CommandButton>
      )}
      <JournalPanel dossier={dossier} messages={messages.data?.items} sent={messages.sent} />
    </Page>
  );
};
