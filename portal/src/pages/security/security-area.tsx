import { StaffNotesPanel } from '../../dossier/staff-notes-panel';
import { NotFoundPage } from '../public/not-found-page';
import { useState } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link, Route, Switch, useLocation, useParams } from 'wouter';
import { formatDateTime } from '../../ui/format';
import { STATUS_LABELS } from '../../ui/labels';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { EvidenceReview } from '../../dossier/evidence-review';
import { api, unwrap } from '../../api/client';

/** The proofs waiting for a security verdict, oldest first: the reviewer picks the next one here. */
const ReviewQueue = () => {
  const { data, error, loading } = useLoad(
    async () => (await unwrap(api.GET('/v1/security/queue', { params: { query: { limit: 100 } } }))).items,
    [],
  );
  if (loading) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  if (!data.length) return <p role="status">Aucune preuve sensible n’attend d’avis.</p>;
  return (
    <div className="fr-table fr-table--no-caption">
      <p role="status" aria-live="polite">
        {data.length} preuve{data.length > 1 ? 's' : ''} en attente d’avis
      </p>
      <table>
        <caption>Preuves sensibles en attente d’avis</caption>
        <thead>
          <tr>
            <th scope="col">Reçue le</th>
            <th scope="col">Solution</th>
            <th scope="col">Exigence</th>
            <th scope="col">Fichier</th>
            <th scope="col">Étape du dossier</th>
          </tr>
        </thead>
        <tbody>
          {data.map((item) => (
            <tr key={item.uploadId}>
              <td>{formatDateTime(item.receivedAt)}</td>
              <td>
                <Link href={`/dossiers/${item.dossierId}`}>
                  {item.product.name} {item.product.version}
                </Link>
              </td>
              <td>{item.requirementId ?? '—'}</td>
              <td>{item.fileName}</td>
              <td>{STATUS_LABELS[item.dossierStatus]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** The reviewer's queue, and the dossier an instructor names (its reference) when they must look again. */
const FindDossier = () => {
  const [, navigate] = useLocation();
  const [id, setId] = useState('');
  return (
    <Page title="Preuves sensibles à relire">
      <p>
        Les preuves sensibles (tests d’intrusion notamment) sont conservées à part et ne sont visibles que des
        relecteurs sécurité et des instructeurs.
      </p>
      <ReviewQueue />
      <h2 className="fr-h5 fr-mt-4w">Ouvrir un dossier par sa référence</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (id.trim()) navigate(`/dossiers/${encodeURIComponent(id.trim())}`);
        }}
      >
        <Input
          label="Référence du dossier"
          nativeInputProps={{ value: id, onChange: (e) => setId(e.target.value), name: 'dossierId' }}
        />
        <Button type="submit">Ouvrir</Button>
      </form>
    </Page>
  );
};

const SensitiveEvidence = () => {
  const { id } = useParams<{ id: string }>();
  // what a review needs and no more: the reviewer's own view (no contacts, messages or journal)
  const { data, error, loading, reload } = useLoad(
    () => unwrap(api.GET('/v1/security/dossiers/{id}', { params: { path: { id } } })),
    [id],
  );
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  return (
    <Page
      title={`Preuves sensibles — ${data.product.name}`}
      trail={[{ label: 'Preuves sensibles', href: '~/securite' }]}
    >
      {data.sections.length ? (
        <EvidenceReview dossierId={id} requirements={data} onlySensitive onReviewed={() => void reload()} />
      ) : (
        <p>Ce dossier n’attend aucune preuve sensible.</p>
      )}
      <StaffNotesPanel dossierId={id} />
    </Page>
  );
};

export default function SecurityArea() {
  return (
    <Switch>
      <Route path="/" component={FindDossier} />
      <Route path="/dossiers/:id" component={SensitiveEvidence} />
      <Route component={NotFoundPage} />
    </Switch>
  );
}
