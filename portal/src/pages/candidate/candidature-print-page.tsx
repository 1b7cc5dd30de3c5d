import { Button } from '@codegouvfr/react-dsfr/Button';
import { useParams } from 'wouter';
import type { ReactNode } from 'react';
import { api, serviceNow, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { formatDate, formatDateTime, formatSize } from '../../ui/format';
import { PROFILE_LABELS, PURPOSE_LABELS, STATUS_LABELS, USE_CASE_LABELS } from '../../ui/labels';

/**
 * The candidature as filed, on one page made to be printed (or saved as PDF by the browser): who
 * applies, for what, with which profiles and documents — each document with its SHA-256, the
 * fingerprint the service checked — and the dates of filing and of the acknowledgement of
 * receipt. The sealed receipt itself is the PDF on the dossier page; this is the company's copy.
 */
export const CandidaturePrintPage = () => {
  const { id } = useParams<{ id: string }>();
  const {
    data: dossier,
    error,
    loading,
  } = useLoad(() => unwrap(api.GET('/v1/dossiers/{id}', { params: { path: { id } } })), [id]);
  if (loading && !dossier) return <Loading />;
  if (!dossier) return <ProblemAlert error={error} />;
  const documents = dossier.uploads.filter(
    (u) => (u.purpose === 'functional_documentation' || u.purpose === 'mandate') && u.status === 'received',
  );
  const row = (label: string, value: ReactNode) => (
    <>
      <dt className="fr-text--bold">{label}</dt>
      <dd>{value}</dd>
    </>
  );
  return (
    <Page
      title={`Récapitulatif de candidature — ${dossier.product.name} ${dossier.product.version}`}
      trail={[
        { label: 'Mes dossiers', href: '~/candidat' },
        { label: `${dossier.product.name} ${dossier.product.version}`, href: `~/candidat/dossiers/${dossier.id}` },
      ]}
    >
      <p className="tlc-no-print">
        <Button iconId="fr-icon-printer-line" onClick={() => window.print()}>
          Imprimer le récapitulatif
        </Button>
      </p>
      <dl className="tlc-print-sheet">
        {row('Référence du dossier', dossier.reference ?? dossier.id)}
        {row('Entreprise candidate', dossier.companyName ?? '—')}
        {row('Produit', `${dossier.product.name}, version ${dossier.product.version}`)}
        {row('Cas d’usage', USE_CASE_LABELS[dossier.useCase])}
        {row(
          'Déployé dans une société de téléconsultation',
          dossier.deployedInTeleconsultationCompany === undefined
            ? '—'
            : dossier.deployedInTeleconsultationCompany
              ? 'oui'
              : 'non',
        )}
        {row('Profils', dossier.profiles.map((p) => PROFILE_LABELS[p].title).join(', ') || '—')}
        {(dossier.nie || dossier.nil) && row('NIE / NIL', `${dossier.nie ?? '—'} / ${dossier.nil ?? '—'}`)}
        {dossier.components?.length
          ? row(
              'Composants',
              <ul>
                {dossier.components.map((c, i) => (
                  <li key={i}>
                    {c.name} {c.version} — {c.description}
                  </li>
                ))}
              </ul>,
            )
          : null}
        {dossier.group &&
          row(
            'Membres du groupement',
            <ul>
              {dossier.group.members.map((m, i) => (
                <li key={i}>
                  {m.name}
                  {m.siret ? ` (SIRET ${m.siret})` : ''}
                </li>
              ))}
            </ul>,
          )}
        {row('Date prévue du dossier complet', formatDate(dossier.plannedCompleteProofDate))}
        {row('Statut', STATUS_LABELS[dossier.status])}
        {row('Créée le', formatDateTime(dossier.createdAt))}
        {row('Déposée le', formatDateTime(dossier.submittedAt))}
        {dossier.admissibleAt && row('Déclarée recevable le', formatDateTime(dossier.admissibleAt))}
        {dossier.receipt &&
          row(
            'Accusé de réception du dossier complet',
            `${formatDateTime(dossier.receipt.at)} — empreinte du journal ${dossier.receipt.hash}`,
          )}
      </dl>
      <h2 className="fr-h5 fr-mt-4w">Documents déposés</h2>
      {documents.length ? (
        <div className="tlc-table-scroll">
          <table className="tlc-print-table">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Nature</th>
                <th scope="col">Taille</th>
                <th scope="col">Reçu le</th>
                <th scope="col">Empreinte SHA-256 (base64)</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((u) => (
                <tr key={u.id}>
                  <td>{u.fileName}</td>
                  <td>{PURPOSE_LABELS[u.purpose]}</td>
                  <td>{formatSize(u.size)}</td>
                  <td>{formatDateTime(u.receivedAt)}</td>
                  <td>
                    <code className="tlc-digest">{u.sha256}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Aucun document reçu.</p>
      )}
      <p className="fr-text--xs fr-mt-4w">
        Récapitulatif établi le {formatDateTime(serviceNow().toISOString())} à partir du dossier tel que le service le
        conserve ; il ne remplace pas l’accusé de réception scellé, téléchargeable depuis la page du dossier.
      </p>
    </Page>
  );
};
