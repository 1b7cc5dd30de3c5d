import { useState } from 'react';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { api, ApiProblem, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { formatDateTime } from '../../ui/format';
import { certificateBadge } from './certificates-page';

const KIND_LABELS: Record<string, string> = {
  certificate: 'Certificat de conformité',
  convention: 'Convention de certification',
};

type Issued = Awaited<ReturnType<typeof lookUp>>;
const lookUp = (sha256: string) => unwrap(api.GET('/v1/public/documents/{sha256}', { params: { path: { sha256 } } }));

/** The file's SHA-256, computed here: the document itself is never sent anywhere. */
const fingerprint = async (file: File) => {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};

/**
 * « Vérifier un document »: a person chooses a PDF the platform is said to have issued and learns
 * whether it did, unchanged, and what the certificate's status is today — without uploading it.
 */
export const VerifyDocumentPage = () => {
  const [state, setState] = useState<
    | { step: 'idle' }
    | { step: 'checking'; name: string }
    | { step: 'issued'; name: string; sha256: string; issued: Issued }
    | { step: 'unknown'; name: string; sha256: string }
    | { step: 'failed'; error: unknown }
  >({ step: 'idle' });

  const check = async (file: File | undefined) => {
    if (!file) return setState({ step: 'idle' });
    setState({ step: 'checking', name: file.name });
    try {
      const sha256 = await fingerprint(file);
      try {
        setState({ step: 'issued', name: file.name, sha256, issued: await lookUp(sha256) });
      } catch (error) {
        if (error instanceof ApiProblem && error.problem.status === 404)
          setState({ step: 'unknown', name: file.name, sha256 });
        else throw error;
      }
    } catch (error) {
      setState({ step: 'failed', error });
    }
  };

  return (
    <Page title="Vérifier un document">
      <p>
        Choisissez un document PDF présenté comme délivré par la plateforme (certificat, convention). Son empreinte
        (SHA-256) est calculée sur votre appareil : <strong>le document n’est pas envoyé</strong>, seule son empreinte
        est comparée à celles des documents délivrés.
      </p>
      <Upload
        label="Document à vérifier"
        hint="Format PDF, tel que reçu de la plateforme."
        nativeInputProps={{
          accept: 'application/pdf,.pdf',
          onChange: (e) => void check(e.target.files?.[0]),
          name: 'document',
        }}
        className="fr-mb-4w"
      />
      <div aria-live="polite">
        {state.step === 'checking' && <Loading />}
        {state.step === 'failed' && <ProblemAlert error={state.error} />}
        {state.step === 'unknown' && (
          <Alert
            severity="error"
            title="Document non reconnu"
            description={
              <>
                <p>
                  « {state.name} » n’a pas été délivré par la plateforme, ou il a été modifié depuis : la moindre
                  modification change son empreinte.
                </p>
                <p className="fr-text--sm">Empreinte SHA-256 : {state.sha256}</p>
              </>
            }
          />
        )}
        {state.step === 'issued' && (
          <section aria-labelledby="document-result" className="fr-card fr-p-3w">
            <Alert
              severity="success"
              title="Document authentique"
              description={`« ${state.name} » a été délivré par la plateforme et n’a pas été modifié.`}
              className="fr-mb-3w"
            />
            <h2 id="document-result">{KIND_LABELS[state.issued.kind] ?? state.issued.kind}</h2>
            <dl>
              <dt className="fr-text--bold">Délivré le</dt>
              <dd>{formatDateTime(state.issued.issuedAt)}</dd>
              {state.issued.certificate && (
                <>
                  <dt className="fr-text--bold">Certificat</dt>
                  <dd>
                    {state.issued.certificate.number} — {state.issued.certificate.product.name}{' '}
                    {state.issued.certificate.product.version} ({state.issued.certificate.company.name})
                  </dd>
                  <dt className="fr-text--bold">Statut du certificat aujourd’hui</dt>
                  <dd>{certificateBadge(state.issued.certificate.status)}</dd>
                </>
              )}
              <dt className="fr-text--bold">Empreinte SHA-256</dt>
              <dd className="fr-text--sm">{state.sha256}</dd>
            </dl>
            <p className="fr-text--sm">
              Le document porte aussi le cachet électronique de la plateforme, vérifiable dans un lecteur PDF avec les
              certificats publiés par la plateforme (
              <a href="/v1/public/trust">certificats du cachet et de l’horodatage</a>).
            </p>
          </section>
        )}
      </div>
    </Page>
  );
};
