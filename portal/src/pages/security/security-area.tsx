import { NotFoundPage } from '../public/not-found-page';
import { useState } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Route, Switch, useLocation, useParams } from 'wouter';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { EvidenceReview } from '../../dossier/evidence-review';
import { api, unwrap } from '../../api/client';

/** The reviewer opens the dossier the instructors name (its reference): there is no queue of theirs. */
const FindDossier = () => {
  const [, navigate] = useLocation();
  const [id, setId] = useState('');
  return (
    <Page title="Preuves sensibles à relire">
      <p>
        Les preuves sensibles (tests d’intrusion notamment) sont conservées à part et ne sont visibles que des
        relecteurs sécurité et des instructeurs. Saisissez la référence du dossier transmise par l’instructeur.
      </p>
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
