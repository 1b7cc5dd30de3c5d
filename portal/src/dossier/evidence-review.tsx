import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { api, unwrap, type Requirements } from '../api/client';
import { ProblemAlert, SuccessNotice } from '../ui/problem-alert';
import { useCommand } from '../ui/use-load';
import { RequirementTitle } from './requirement-title';
import { FileItem } from './file-links';
import { Section } from '../ui/section';
import { CommandButton } from '../ui/command-form';

/**
 * The evidence by requirement with a verdict form on each received file (compliant / not, with a
 * comment). `onlySensitive`: the security reviewer's view (penetration tests and the like).
 */
export const EvidenceReview = ({
  dossierId,
  requirements,
  onlySensitive = false,
  onReviewed,
}: {
  dossierId: string;
  requirements: Requirements;
  onlySensitive?: boolean;
  onReviewed: () => void;
}) => {
  const command = useCommand();
  const [comments, setComments] = useState<Record<string, string>>({});
  const review = (uploadId: string, verdict: 'compliant' | 'non_compliant') =>
    command.run(
      async () => {
        const comment = comments[uploadId]?.trim();
        await unwrap(
          api.POST('/v1/dossiers/{id}/proofs/{uploadId}/review', {
            params: { path: { id: dossierId, uploadId } },
            body: { verdict, ...(comment ? { comment } : {}) },
          }),
        );
        onReviewed();
      },
      verdict === 'compliant'
        ? 'Preuve jugée conforme.'
        : 'Preuve jugée non conforme : le candidat peut en déposer une autre.',
    );
  // the files still awaiting a verdict that this reviewer may judge: one action for all of them
  // (17 requirements were 17 clicks), each verdict still its own command, one after the other
  const awaiting = requirements.sections
    .flatMap((s) => s.requirements)
    .filter((r) => (onlySensitive ? r.sensitive : !r.sensitive))
    .flatMap((r) => r.proofs)
    .filter((u) => u.status === 'received' && !u.review);
  const allCompliant = () =>
    command.run(
      async () => {
        try {
          for (const u of awaiting) {
            const comment = comments[u.id]?.trim();
            await unwrap(
              api.POST('/v1/dossiers/{id}/proofs/{uploadId}/review', {
                params: { path: { id: dossierId, uploadId: u.id } },
                body: { verdict: 'compliant', ...(comment ? { comment } : {}) },
              }),
            );
          }
        } finally {
          onReviewed();
        }
      },
      `${awaiting.length} preuve${awaiting.length > 1 ? 's jugées conformes' : ' jugée conforme'}.`,
    );
  const sections = requirements.sections
    .map((s) => ({ ...s, requirements: s.requirements.filter((r) => !onlySensitive || r.sensitive) }))
    .filter((s) => s.requirements.length > 0);
  return (
    <Section id="review" title={onlySensitive ? 'Preuves sensibles' : 'Preuves par exigence'}>
      <ProblemAlert error={command.error} />
      <SuccessNotice message={command.done} />
      {awaiting.length > 1 && (
        <div className="fr-mb-3w">
          <CommandButton
            busy={command.busy}
            priority="secondary"
            confirm={`Juger conformes les ${awaiting.length} preuves encore sans avis ? Jugez d’abord non conformes celles qui ne le sont pas.`}
            onRun={allCompliant}
          >
            Juger conformes les {awaiting.length} preuves sans avis
          </CommandButton>
        </div>
      )}
      {sections.length === 0 && <p>Aucune exigence {onlySensitive ? 'sensible ' : ''}pour ce dossier.</p>}
      {sections.map((section) => (
        <section key={section.id} aria-labelledby={`rs-${section.id}`} className="fr-card fr-p-3w fr-mb-3w">
          <h3 id={`rs-${section.id}`} className="fr-h5">
            {section.title}
          </h3>
          {section.requirements.map((r) => (
            <div key={r.id} className="fr-mb-3w">
              <RequirementTitle requirement={r} />
              {r.proofs.length === 0 && <p className="fr-text--sm">Aucune preuve déposée.</p>}
              {r.sensitive && !onlySensitive ? (
                // penetration tests and the like: their files are the security reviewers' alone
                <p className="fr-text--sm">
                  {r.proofs.length} fichier{r.proofs.length > 1 ? 's' : ''} réservé{r.proofs.length > 1 ? 's' : ''} au
                  relecteur sécurité
                  {r.proofs.some((u) => u.review)
                    ? ` — dernier avis : ${r.proofs.some((u) => u.review?.verdict === 'non_compliant') ? 'non conforme' : 'conforme'}`
                    : ' — en attente de son avis'}
                  .
                </p>
              ) : (
                <ul className="fr-raw-list">
                  {r.proofs.map((u) => (
                    <FileItem key={u.id} dossierId={dossierId} upload={u} sensitive={onlySensitive}>
                      <div className="fr-mt-1w">
                        <Input
                          label={`Commentaire sur ${u.fileName}`}
                          nativeInputProps={{
                            value: comments[u.id] ?? '',
                            onChange: (e) => setComments({ ...comments, [u.id]: e.target.value }),
                          }}
                        />
                        <Button
                          size="small"
                          className="fr-mr-2w"
                          onClick={() => void review(u.id, 'compliant')}
                          disabled={command.busy}
                        >
                          Conforme <span className="fr-sr-only">: {u.fileName}</span>
                        </Button>
                        <Button
                          size="small"
                          priority="secondary"
                          onClick={() => void review(u.id, 'non_compliant')}
                          disabled={command.busy}
                        >
                          Non conforme <span className="fr-sr-only">: {u.fileName}</span>
                        </Button>
                      </div>
                    </FileItem>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}
    </Section>
  );
};
