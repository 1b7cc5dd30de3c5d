import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useState } from 'react';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Link, useLocation } from 'wouter';
import { currentSession } from '../../auth/session';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { isLate, QueueTable, type QueueItem } from './queue-table';
import { serviceNow } from '../../api/service-time';
import { matchesSearch } from '../../ui/text';
import { loadQueues } from './load-queues';

/** A queue exported as the service writes it (CSV or XLSX), through the signed-in fetch. */
const exportQueue = async (stage: string, format: 'csv' | 'xlsx') => {
  const response = await fetch(`/v1/queue/export?stage=${stage}&format=${format}`, {
    headers: { authorization: `Bearer ${currentSession()?.token}` },
  });
  if (!response.ok) throw new Error('export impossible');
  const url = URL.createObjectURL(await response.blob());
  Object.assign(document.createElement('a'), { href: url, download: `file-${stage}.${format}` }).click();
  URL.revokeObjectURL(url);
};

/** Certificates leave the queues once issued: an instructor opens one by its number. */
const CertificateLookup = () => {
  const [, navigate] = useLocation();
  const [number, setNumber] = useState('');
  return (
    <form
      className="fr-mt-6w"
      onSubmit={(e) => {
        e.preventDefault();
        if (number.trim()) navigate(`/certificats/${number.trim().toUpperCase()}`);
      }}
    >
      <h2 className="fr-h4">Suivi d’un certificat</h2>
      <Input
        label="Numéro du certificat"
        hintText="Mises en demeure, suspension, retrait, observations, résiliation"
        nativeInputProps={{ value: number, onChange: (e) => setNumber(e.target.value), name: 'certificateNumber' }}
      />
      <Button type="submit" priority="secondary">
        Ouvrir le certificat
      </Button>
    </form>
  );
};

/** What a search looks into: the reference, the company, the product and its version. */
const searchText = (item: QueueItem) =>
  [item.reference ?? '', item.companyName, item.product.name, item.product.version].join(' ');

export const QueuesPage = () => {
  const [query, setQuery] = useState('');
  const [onlyMine, setOnlyMine] = useState(false);
  const [onlyLate, setOnlyLate] = useState(false);
  const me = currentSession()?.sub;
  const filtering = Boolean(query.trim()) || onlyMine || onlyLate;
  const now = serviceNow();
  const shown = (items: QueueItem[]) =>
    items.filter(
      (i) =>
        (!query.trim() || matchesSearch(searchText(i), query)) &&
        (!onlyMine || i.assignee?.sub === me) &&
        (!onlyLate || isLate(i, now)),
    );
  const { data, error, loading } = useLoad(loadQueues, []);
  return (
    <Page title="Files d’instruction">
      <p>
        Les dossiers de chaque étape, le plus ancien d’abord ; ceux dont un délai est dépassé en tête, en rouge. Ceux
        dont une demande de pièces attend la réponse de l’entreprise sont dans « En attente du candidat ».
      </p>
      <p>
        <Link href="/tableau-de-bord">Tableau de bord de la charge : dossiers par étape, délais, retards</Link>
      </p>
      <ProblemAlert error={error} />
      {loading && <Loading />}
      <Input
        label="Rechercher un dossier"
        hintText="Référence (CAND-2027-00042), entreprise ou solution ; sans tenir compte des accents"
        nativeInputProps={{ value: query, onChange: (e) => setQuery(e.target.value), name: 'search', type: 'search' }}
      />
      <Checkbox
        options={[
          {
            label: 'Seulement les dossiers que j’ai pris en charge',
            nativeInputProps: { checked: onlyMine, onChange: (e) => setOnlyMine(e.target.checked), name: 'mine' },
          },
          {
            label: 'Seulement les dossiers en retard sur un délai',
            nativeInputProps: { checked: onlyLate, onChange: (e) => setOnlyLate(e.target.checked), name: 'late' },
          },
        ]}
      />
      {data && (
        <Tabs
          tabs={data.map(({ stage, label, items }) => ({
            label: `${label} (${shown(items).length}${filtering ? ` sur ${items.length}` : ''})`,
            content: (
              <>
                <QueueTable
                  items={shown(items)}
                  {...(filtering ? { empty: 'Aucun dossier de cette file ne correspond à la recherche.' } : {})}
                  caption={`File « ${label} »`}
                  hrefOf={(item) => `/dossiers/${item.dossierId}`}
                />
                {(['csv', 'xlsx'] as const).map((format) => (
                  <Button
                    key={format}
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-download-line"
                    className="fr-mr-2w"
                    onClick={() => void exportQueue(stage, format)}
                  >
                    Exporter ({format.toUpperCase()})
                  </Button>
                ))}
              </>
            ),
          }))}
        />
      )}
      <CertificateLookup />
    </Page>
  );
};
