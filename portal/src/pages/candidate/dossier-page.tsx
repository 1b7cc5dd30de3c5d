import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Link, useParams } from 'wouter';
import { api, unwrap, type Dossier, type Requirements } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommand, useLoad } from '../../ui/use-load';
import { formatDate, formatDateTime, formatDaysLeft } from '../../ui/format';
import { PURPOSE_LABELS } from '../../ui/labels';
import { DecisionPanel, DossierSummary } from '../../dossier/dossier-summary';
import { MessagesPanel } from '../../dossier/messages-panel';
import { RequirementTitle } from '../../dossier/requirement-title';
import { FileItem } from '../../dossier/file-links';
import { EvidenceUpload } from '../../upload/evidence-upload';
import { loadDossier } from '../../dossier/load-dossier';
import { candidatureDocumentsMayChange } from '../../../../functions/domain/candidature-documents';
import { CLOCKS, inWords } from '../../../../functions/domain/legal-periods';

const SECTION_STATUS: Record<string, string> = {
  not_started: 'Non commencée',
  in_progress: 'En cours',
  ready: 'Prête à remettre',
  submitted: 'Remise',
};

/** Withdrawing one of the dossier's files: the command, its outcome, then the dossier read again. */
const useWithdrawUpload = (dossierId: string, reload: () => void) => {
  const command = useCommand();
  const withdraw = (uploadId: string) =>
    command.run(async () => {
      await unwrap(
        api.DELETE('/v1/dossiers/{id}/uploads/{uploadId}', { params: { path: { id: dossierId, uploadId } } }),
      );
      reload();
    }, 'Fichier retiré.');
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
    <section aria-labelledby="documents-title" className="fr-mb-4w">
      <h2 id="documents-title" className="fr-h4">
        Documentation fonctionnelle et mandats
      </h2>
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
    </section>
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
    <section aria-labelledby="evidence-title" className="fr-mb-4w">
      <h2 id="evidence-title" className="fr-h4">
        Preuves par exigence (référentiel {requirements.referentialVersion})
      </h2>
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
                      <FileItem key={u.id} dossierId={dossier.id} upload={u}>
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
    </section>
  );
};

export const DossierPage = () => {
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, reload } = useLoad(() => loadDossier(id), [id]);
  const command = useCommand();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [insDate, setInsDate] = useState('');
  const [signatory, setSignatory] = useState('');
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const { dossier, requirements } = data;
  const act = (call: () => Promise<unknown>, success: string) =>
    command.run(async () => {
      await call();
      await reload();
    }, success);
  const path = { params: { path: { id: dossier.id } } };
  const openRequests = dossier.infoRequests.filter((r) => r.status === 'open');
  const now = new Date();

  return (
    <Page
      title={`${dossier.product.name} ${dossier.product.version}`}
      trail={[{ label: 'Mes dossiers', href: '~/candidat' }]}
    >
      <DossierSummary dossier={dossier} />
      <ProblemAlert error={command.error ?? error} />
      <SuccessNotice message={command.done} />

      {dossier.status === 'draft' && (
        <section aria-labelledby="draft-title" className="fr-mb-4w">
          <h2 id="draft-title" className="fr-h4">
            Candidature en brouillon
          </h2>
          <Button linkProps={{ href: `/dossiers/${dossier.id}/candidature` }} priority="secondary" className="fr-mr-2w">
            Compléter la candidature
          </Button>
          <Button
            onClick={() =>
              void act(
                () => unwrap(api.POST('/v1/dossiers/{id}/submit', path)),
                'Candidature déposée : l’ANS examine sa recevabilité.',
              )
            }
            disabled={command.busy}
          >
            Déposer la candidature
          </Button>
        </section>
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
          <form
            className="fr-mt-2w"
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () =>
                  unwrap(
                    api.POST('/v1/dossiers/{id}/info-requests/{requestId}/answer', {
                      params: { path: { id: dossier.id, requestId: r.id } },
                      body: { message: answers[r.id] ?? '' },
                    }),
                  ),
                'Réponse envoyée.',
              );
            }}
          >
            <Input
              label="Votre réponse"
              hintText="Déposez d’abord les fichiers demandés ci-dessous, puis répondez."
              textArea
              nativeTextAreaProps={{
                value: answers[r.id] ?? '',
                onChange: (e) => setAnswers({ ...answers, [r.id]: e.target.value }),
                name: 'answer',
              }}
            />
            <Button type="submit" disabled={command.busy}>
              Répondre à la demande
            </Button>
          </form>
        </section>
      ))}

      <CandidatureDocuments dossier={dossier} reload={() => void reload()} />
      {requirements && <EvidenceSections dossier={dossier} requirements={requirements} reload={() => void reload()} />}

      {dossier.status === 'instruction' &&
        !dossier.insTestDay?.proposedDate &&
        dossier.profiles.some((p) => p.startsWith('identity')) && (
          <section aria-labelledby="ins-title" className="fr-mb-4w">
            <h2 id="ins-title" className="fr-h4">
              Journée de test INS
            </h2>
            <p>
              À organiser dans les {inWords(CLOCKS.ins_test_day.period)} suivant l’accusé de réception du dossier
              complet
              {dossier.insTestDueAt ? ` (avant le ${formatDate(dossier.insTestDueAt)})` : ''}.
            </p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  () =>
                    unwrap(api.POST('/v1/dossiers/{id}/ins-test-day', { ...path, body: { proposedDate: insDate } })),
                  'Date proposée.',
                );
              }}
            >
              <Input
                label="Date proposée"
                nativeInputProps={{
                  type: 'date',
                  value: insDate,
                  onChange: (e) => setInsDate(e.target.value),
                  name: 'proposedDate',
                }}
              />
              <Button type="submit" disabled={command.busy || !insDate}>
                Proposer cette date
              </Button>
            </form>
          </section>
        )}
      {dossier.insTestDay?.proposedDate && (
        <p>
          Journée de test INS proposée le {formatDate(dossier.insTestDay.proposedDate)}
          {dossier.insTestDay.outcome ? ` — résultat : ${dossier.insTestDay.outcome}` : ''}.
        </p>
      )}

      {dossier.convention && (
        <section aria-labelledby="convention-title" className="fr-mb-4w">
          <h2 id="convention-title" className="fr-h4">
            Convention de certification
          </h2>
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
            <p className="fr-mt-2w">
              Signée le {formatDateTime(dossier.convention.signedAt)} par {dossier.convention.signatoryName}.
            </p>
          ) : (
            dossier.status === 'convention_pending' && (
              <form
                className="fr-mt-2w"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act(
                    () =>
                      unwrap(
                        api.POST('/v1/dossiers/{id}/convention/sign', { ...path, body: { signatoryName: signatory } }),
                      ),
                    'Convention signée.',
                  );
                }}
              >
                <Input
                  label="Nom du signataire"
                  hintText="Le représentant légal ou la personne qu’il a mandatée"
                  nativeInputProps={{
                    value: signatory,
                    onChange: (e) => setSignatory(e.target.value),
                    name: 'signatoryName',
                    autoComplete: 'name',
                  }}
                />
                <Button type="submit" disabled={command.busy || !signatory.trim()}>
                  Signer la convention
                </Button>
              </form>
            )
          )}
        </section>
      )}

      {dossier.decision && (
        <section aria-labelledby="decision-title" className="fr-mb-4w">
          <h2 id="decision-title" className="fr-h4">
            Décision
          </h2>
          <DecisionPanel decision={dossier.decision} />
          {!dossier.decision.receivedAt && (
            <Button
              onClick={() =>
                void act(
                  () => unwrap(api.POST('/v1/dossiers/{id}/decision/acknowledge', path)),
                  'Réception de la décision accusée.',
                )
              }
              disabled={command.busy}
            >
              Accuser réception de la décision
            </Button>
          )}
        </section>
      )}

      {dossier.certificate && (
        <section aria-labelledby="certificate-title" className="fr-mb-4w">
          <h2 id="certificate-title" className="fr-h4">
            Certificat {dossier.certificate.number}
          </h2>
          <p>
            Délivré le {formatDate(dossier.certificate.grantedAt)}
            {dossier.certificate.grantedBy === 'tacit_acceptance' ? ' par acceptation tacite' : ' par le collège'}.
          </p>
          <Link href={`/certificats/${dossier.certificate.number}`}>
            Voir le certificat, ses échéances et les courriers de l’ANS
          </Link>
        </section>
      )}

      <MessagesPanel dossierId={dossier.id} />

      {['draft', 'admissibility_review', 'proofs_deposit', 'instruction'].includes(dossier.status) && (
        <Button
          priority="tertiary"
          iconId="fr-icon-close-circle-line"
          onClick={() => {
            if (window.confirm('Retirer cette candidature ? Le dossier sera clos.'))
              void act(() => unwrap(api.POST('/v1/dossiers/{id}/withdraw', path)), 'Candidature retirée.');
          }}
        >
          Retirer la candidature
        </Button>
      )}
    </Page>
  );
};
