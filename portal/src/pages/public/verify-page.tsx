import { useState } from 'react';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useLocation, useParams } from 'wouter';
import { api, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { formatDate } from '../../ui/format';
import { PROFILE_LABELS } from '../../ui/labels';
import { certificateBadge } from './certificates-page';
import { CERTIFICATE_NUMBER_PATTERN } from '../../../../functions/domain/certificate-number';

export const VerifyPage = () => {
  const { number } = useParams<{ number?: string }>();
  const [, navigate] = useLocation();
  const [typed, setTyped] = useState(number ?? '');
  const [formatError, setFormatError] = useState<string>();
  const { data, error, loading } = useLoad(
    async () =>
      number && CERTIFICATE_NUMBER_PATTERN.test(number)
        ? unwrap(api.GET('/v1/public/certificates/{number}', { params: { path: { number } } }))
        : undefined,
    [number],
  );
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const value = typed.trim().toUpperCase();
    if (!CERTIFICATE_NUMBER_PATTERN.test(value))
      return setFormatError('Un numéro de certificat s’écrit TLC-AAAA-NNNNNN, par exemple TLC-2026-000123.');
    setFormatError(undefined);
    navigate(`/verifier/${value}`);
  };
  return (
    <Page title="Vérifier un certificat">
      <form onSubmit={submit} noValidate className="fr-mb-4w">
        <Input
          label="Numéro du certificat"
          hintText="Format : TLC-AAAA-NNNNNN"
          state={formatError ? 'error' : 'default'}
          stateRelatedMessage={formatError}
          nativeInputProps={{
            value: typed,
            onChange: (e) => setTyped(e.target.value),
            name: 'number',
            autoComplete: 'off',
          }}
        />
        <Button type="submit">Vérifier</Button>
      </form>
      {number && loading && <Loading />}
      <ProblemAlert error={error} />
      {data && (
        <section aria-labelledby="verification-result" className="fr-card fr-p-3w">
          <h2 id="verification-result">Certificat {data.number}</h2>
          <p>Statut : {certificateBadge(data.status)}</p>
          <dl>
            <dt className="fr-text--bold">Solution</dt>
            <dd>
              {data.product.name} {data.product.version}
            </dd>
            <dt className="fr-text--bold">Éditeur</dt>
            <dd>{data.company.name}</dd>
            <dt className="fr-text--bold">Délivré le</dt>
            <dd>
              {formatDate(data.grantedAt)} (
              {data.grantedBy === 'college' ? 'décision du collège' : 'acceptation tacite'})
              {data.withReservations ? ', avec réserves' : ''}
            </dd>
            <dt className="fr-text--bold">Référentiel</dt>
            <dd>version {data.referentialVersion}</dd>
            <dt className="fr-text--bold">Profils</dt>
            <dd>{data.profiles.map((p) => PROFILE_LABELS[p as keyof typeof PROFILE_LABELS]?.title ?? p).join(', ')}</dd>
          </dl>
        </section>
      )}
    </Page>
  );
};
