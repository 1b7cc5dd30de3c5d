import { useMemo, useState } from 'react';
import { matchesSearch } from '../../ui/text';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'wouter';
import { api, unwrap, type PublicCertificate } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { CERTIFICATE_STATUS_LABELS } from '../../ui/labels';
import { formatDate } from '../../ui/format';
import type { ENDED_STATUSES } from '../../../../functions/domain/certificate';

type Ended = (typeof ENDED_STATUSES)[number];
/** What the list shows: certificates in force (the default), or those that ended one way. */
const SHOWN: Record<'' | Ended, string> = {
  '': 'En vigueur',
  withdrawn: CERTIFICATE_STATUS_LABELS.withdrawn,
  terminated: CERTIFICATE_STATUS_LABELS.terminated,
  expired: CERTIFICATE_STATUS_LABELS.expired,
};

/** Every page of the published list (no sign-in): the list is short and searched as a whole. */
const loadAll = async (ended: '' | Ended) => {
  const items: PublicCertificate[] = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(
      api.GET('/v1/public/certificates', {
        params: { query: { limit: 100, cursor, ...(ended ? { status: ended } : {}) } },
      }),
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
};

export const certificateBadge = (status: PublicCertificate['status']) => (
  <Badge severity={status === 'valid' ? 'success' : status === 'formal_notice' ? 'warning' : 'error'} small noIcon>
    {CERTIFICATE_STATUS_LABELS[status]}
  </Badge>
);

export const CertificatesPage = () => {
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<'' | Ended>('');
  const { data, error, loading } = useLoad(() => loadAll(status), [status]);
  const shown = useMemo(() => {
    return (data ?? []).filter((c) => matchesSearch(`${c.number} ${c.product.name} ${c.company.name}`, query));
  }, [data, query]);
  const downloadCsv = async () => {
    const response = await fetch('/v1/public/certificates', { headers: { accept: 'text/csv' } });
    const url = URL.createObjectURL(await response.blob());
    const a = Object.assign(document.createElement('a'), { href: url, download: 'certificats.csv' });
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Page title="Solutions de téléconsultation certifiées">
      <p>La liste publique des certificats délivrés par l’ANS, avec leur statut à ce jour.</p>
      <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Rechercher"
            hintText="Numéro, solution ou éditeur"
            nativeInputProps={{ value: query, onChange: (e) => setQuery(e.target.value), type: 'search' }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-3">
          <Select
            label="Statut"
            nativeSelectProps={{ value: status, onChange: (e) => setStatus(e.target.value as '' | Ended) }}
          >
            {Object.entries(SHOWN).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-3 fr-mb-3w">
          <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => void downloadCsv()}>
            Télécharger (CSV)
          </Button>
        </div>
      </div>
      <ProblemAlert error={error} />
      {loading ? (
        <Loading />
      ) : (
        <div className="fr-table fr-table--no-caption">
          <p role="status" aria-live="polite">
            {shown.length} certificat{shown.length > 1 ? 's' : ''}
          </p>
          <table>
            <caption>Certificats publiés</caption>
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col">Solution</th>
                <th scope="col">Éditeur</th>
                <th scope="col">Délivré le</th>
                <th scope="col">Statut</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((c) => (
                <tr key={c.number}>
                  <td>
                    <Link href={`/verifier/${c.number}`}>{c.number}</Link>
                  </td>
                  <td>
                    {c.product.name} {c.product.version}
                  </td>
                  <td>{c.company.name}</td>
                  <td>{formatDate(c.grantedAt)}</td>
                  <td>{certificateBadge(c.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
};
