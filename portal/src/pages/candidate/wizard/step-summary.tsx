import { PROFILE_LABELS, PURPOSE_LABELS, USE_CASE_LABELS } from '../../../ui/labels';
import { EvidenceUpload } from '../../../upload/evidence-upload';
import type { Dossier } from '../../../api/client';
import type { Form } from './candidature-form';

/** Step 5: what will be filed, and the documents to join before filing. */
export const SummaryStep = ({
  form,
  dossier,
  refresh,
}: {
  form: Form;
  dossier?: Dossier | undefined;
  refresh: () => void;
}) => (
  <section aria-labelledby="recap">
    <h2 id="recap" className="fr-h4">
      Récapitulatif
    </h2>
    <dl>
      <dt className="fr-text--bold">Solution</dt>
      <dd>
        {form.productName} {form.productVersion}
      </dd>
      <dt className="fr-text--bold">Cas d’usage</dt>
      <dd>{USE_CASE_LABELS[form.useCase]}</dd>
      <dt className="fr-text--bold">Profils</dt>
      <dd>{form.profiles.map((p) => PROFILE_LABELS[p].title).join(', ')}</dd>
      <dt className="fr-text--bold">NIE / NIL</dt>
      <dd>
        {form.nie || '—'} / {form.nil || '—'}
      </dd>
      <dt className="fr-text--bold">Engagement de complétude</dt>
      <dd>{form.commitment ? 'oui' : 'non'}</dd>
      <dt className="fr-text--bold">Composants</dt>
      <dd>{form.components.length}</dd>
    </dl>
    <p>
      En déposant la candidature, les profils deviennent définitifs et l’ANS examine sa recevabilité. Joignez d’abord la
      documentation fonctionnelle de la solution (et, pour un groupement, les mandats).
    </p>
    {dossier && (
      <>
        <ul className="fr-raw-list">
          {dossier.uploads
            .filter((u) => u.purpose !== 'proof' && u.purpose !== 'attachment' && u.status === 'received')
            .map((u) => (
              <li key={u.id}>
                {PURPOSE_LABELS[u.purpose]} : {u.fileName} (reçu)
              </li>
            ))}
        </ul>
        <EvidenceUpload
          dossierId={dossier.id}
          purpose="functional_documentation"
          label="Documentation fonctionnelle"
          onDone={refresh}
        />
        <EvidenceUpload dossierId={dossier.id} purpose="mandate" label="Mandats (facultatif)" onDone={refresh} />
      </>
    )}
  </section>
);
