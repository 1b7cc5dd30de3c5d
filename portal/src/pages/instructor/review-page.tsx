import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Link, useParams } from 'wouter';
import { api, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert, SuccessNotice } from '../../ui/problem-alert';
import { useCommand, useLoad } from '../../ui/use-load';
import { PURPOSE_LABELS } from '../../ui/labels';
import { formatDate, formatDateTime } from '../../ui/format';
import { DecisionPanel, DossierSummary } from '../../dossier/dossier-summary';
import { FileItem } from '../../dossier/file-links';
import { EvidenceReview } from '../../dossier/evidence-review';
import { MessagesPanel } from '../../dossier/messages-panel';
import { JournalPanel } from '../../dossier/journal-panel';
import { lines } from '../../ui/text';
import { loadDossier } from '../../dossier/load-dossier';
import { choiceOptions } from '../../ui/choice-options';
import { CLOCKS, inFigures } from '../../../../functions/domain/legal-periods';

/** An instructor's dossier: evidence, admissibility, requests, INS test day, instruction report. */
export const ReviewPage = () => {
  const { id } = useParams<{ id: string }>();
  const { data, error, loading, reload } = useLoad(() => loadDossier(id), [id]);
  const command = useCommand();
  const [admissibility, setAdmissibility] = useState<'admissible' | 'incomplete' | 'inadmissible'>('admissible');
  const [items, setItems] = useState('');
  const [requestItems, setRequestItems] = useState('');
  const [insOutcome, setInsOutcome] = useState<'passed' | 'failed' | 'waived'>('passed');
  const [insComment, setInsComment] = useState('');
  const [report, setReport] = useState<'favourable' | 'unfavourable'>('favourable');
  const [nonConformities, setNonConformities] = useState('');
  const [exceptional, setExceptional] = useState(false);
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const { dossier, requirements } = data;
  const path = { params: { path: { id: dossier.id } } };
  const act = (call: () => Promise<unknown>, success: string) =>
    command.run(async () => {
      await call();
      await reload();
    }, success);
  const documents = dossier.uploads.filter((u) => u.purpose !== 'proof' && u.status !== 'withdrawn');

  return (
    <Page
      title={`${dossier.product.name} ${dossier.product.version}`}
      trail={[{ label: 'Files d’instruction', href: '~/instruction' }]}
    >
      <DossierSummary dossier={dossier} />
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />

      <section aria-labelledby="docs-title" className="fr-mb-4w">
        <h2 id="docs-title" className="fr-h4">
          Documentation fonctionnelle et mandats
        </h2>
        {documents.length === 0 && <p className="fr-text--sm">Aucun document.</p>}
        <ul className="fr-raw-list">
          {documents.map((u) => (
            <FileItem key={u.id} dossierId={dossier.id} upload={u}>
              <span className="fr-text--xs">{PURPOSE_LABELS[u.purpose]}</span>
            </FileItem>
          ))}
        </ul>
      </section>

      {dossier.status === 'admissibility_review' && (
        <section aria-labelledby="adm-title" className="fr-mb-4w">
          <h2 id="adm-title" className="fr-h4">
            Recevabilité
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () =>
                  unwrap(
                    api.POST('/v1/dossiers/{id}/admissibility', {
                      ...path,
                      body: {
                        decision: admissibility,
                        ...(admissibility === 'incomplete' ? { missingItems: lines(items) } : {}),
                        ...(admissibility === 'inadmissible' ? { reasons: lines(items) } : {}),
                      },
                    }),
                  ),
                'Décision de recevabilité enregistrée.',
              );
            }}
          >
            <RadioButtons
              legend="Décision"
              name="admissibility"
              options={choiceOptions(
                { admissible: 'Recevable', incomplete: 'Incomplet (demande de pièces)', inadmissible: 'Irrecevable' },
                admissibility,
                setAdmissibility,
              )}
            />
            {admissibility !== 'admissible' && (
              <Input
                label={
                  admissibility === 'incomplete'
                    ? 'Pièces manquantes (une par ligne)'
                    : 'Motifs de l’irrecevabilité (un par ligne)'
                }
                textArea
                nativeTextAreaProps={{ value: items, onChange: (e) => setItems(e.target.value), name: 'items' }}
              />
            )}
            <Button type="submit" disabled={command.busy}>
              Enregistrer la décision
            </Button>
          </form>
        </section>
      )}

      {requirements && (
        <EvidenceReview dossierId={dossier.id} requirements={requirements} onReviewed={() => void reload()} />
      )}

      {['admissibility_review', 'instruction'].includes(dossier.status) && (
        <section aria-labelledby="req-title" className="fr-mb-4w">
          <h2 id="req-title" className="fr-h4">
            Demande de pièces complémentaires
          </h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () =>
                  unwrap(
                    api.POST('/v1/dossiers/{id}/info-requests', {
                      ...path,
                      body: { missingItems: lines(requestItems) },
                    }),
                  ),
                `Demande envoyée : le candidat a ${inFigures(CLOCKS.info_request.period)} pour répondre.`,
              );
            }}
          >
            <Input
              label="Éléments demandés (un par ligne)"
              textArea
              nativeTextAreaProps={{
                value: requestItems,
                onChange: (e) => setRequestItems(e.target.value),
                name: 'missingItems',
              }}
            />
            <Button type="submit" priority="secondary" disabled={command.busy}>
              Envoyer la demande
            </Button>
          </form>
          {dossier.infoRequests.map((r) => (
            <p key={r.id} className="fr-text--sm fr-mt-2w">
              Demande du {formatDateTime(r.openedAt)} (
              {r.status === 'open'
                ? `réponse attendue avant le ${formatDateTime(r.dueAt)}`
                : r.status === 'answered'
                  ? `répondue le ${formatDateTime(r.answeredAt)} : ${r.answer ?? ''}`
                  : 'expirée'}
              )
            </p>
          ))}
        </section>
      )}

      {dossier.status === 'instruction' && (
        <>
          <section aria-labelledby="ins-title" className="fr-mb-4w">
            <h2 id="ins-title" className="fr-h4">
              Journée de test INS
            </h2>
            <p>
              {dossier.insTestDay?.proposedDate
                ? `Date proposée par le candidat : ${formatDate(dossier.insTestDay.proposedDate)}.`
                : 'Aucune date proposée.'}
              {dossier.insTestDay?.outcome ? ` Résultat enregistré : ${dossier.insTestDay.outcome}.` : ''}
            </p>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  () =>
                    unwrap(
                      api.POST('/v1/dossiers/{id}/ins-test-day/outcome', {
                        ...path,
                        body: { outcome: insOutcome, ...(insComment.trim() ? { comment: insComment.trim() } : {}) },
                      }),
                    ),
                  'Résultat de la journée INS enregistré.',
                );
              }}
            >
              <RadioButtons
                legend="Résultat"
                name="insOutcome"
                options={choiceOptions(
                  { passed: 'Réussie', failed: 'Échouée', waived: 'Dispense (les preuves INS suffisent)' },
                  insOutcome,
                  setInsOutcome,
                )}
              />
              <Input
                label="Commentaire (obligatoire pour une dispense)"
                textArea
                nativeTextAreaProps={{
                  value: insComment,
                  onChange: (e) => setInsComment(e.target.value),
                  name: 'insComment',
                }}
              />
              <Button type="submit" priority="secondary" disabled={command.busy}>
                Enregistrer le résultat
              </Button>
            </form>
          </section>
          <section aria-labelledby="report-title" className="fr-mb-4w">
            <h2 id="report-title" className="fr-h4">
              Rapport d’instruction
            </h2>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void act(
                  () =>
                    unwrap(
                      api.POST('/v1/dossiers/{id}/instruction/complete', {
                        ...path,
                        body: {
                          outcome: report,
                          ...(report === 'unfavourable' ? { nonConformities: lines(nonConformities) } : {}),
                          ...(exceptional ? { exceptional: true } : {}),
                        },
                      }),
                    ),
                  report === 'favourable'
                    ? 'Instruction close : la convention est envoyée au candidat.'
                    : 'Instruction close : le dossier passe devant le collège.',
                );
              }}
            >
              <RadioButtons
                legend="Conclusion"
                name="report"
                options={choiceOptions(
                  {
                    favourable: 'Favorable (toutes les preuves conformes, test INS réussi ou dispensé)',
                    unfavourable: 'Défavorable (le collège décide)',
                  },
                  report,
                  setReport,
                )}
              />
              {report === 'unfavourable' && (
                <Input
                  label="Non-conformités (une par ligne)"
                  textArea
                  nativeTextAreaProps={{
                    value: nonConformities,
                    onChange: (e) => setNonConformities(e.target.value),
                    name: 'nonConformities',
                  }}
                />
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
              <Button type="submit" disabled={command.busy}>
                Clore l’instruction
              </Button>
            </form>
          </section>
        </>
      )}

      {dossier.decision && <DecisionPanel decision={dossier.decision} />}
      {dossier.certificate && (
        <p>
          <Link href={`/certificats/${dossier.certificate.number}`}>
            Certificat {dossier.certificate.number} : suivi et actions
          </Link>
        </p>
      )}
      <MessagesPanel dossierId={dossier.id} />
      <JournalPanel dossierId={dossier.id} version={dossier.version} />
    </Page>
  );
};
