import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link } from 'wouter';
import { api, unwrap } from '../../api/client';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { useLoad } from '../../ui/use-load';
import { STATUS_LABELS, statusSeverity, USE_CASE_LABELS } from '../../ui/labels';
import { DeadlineList } from '../../ui/deadlines';
import { formatDate } from '../../ui/format';
import { certificateBadge } from '../public/certificates-page';

export const DashboardPage = () => {
  const { data, error, loading } = useLoad(
    () => unwrap(api.GET('/v1/dossiers', { params: { query: { limit: 100 } } })),
    [],
  );
  return (
    <Page title="Mes dossiers de certification">
      <Button linkProps={{ href: '~/candidat/dossiers/nouveau' }} iconId="fr-icon-add-line" className="fr-mb-4w">
        Nouvelle candidature
      </Button>
      <ProblemAlert error={error} />
      {loading && <Loading />}
      {data && data.items.length === 0 && <p>Aucun dossier pour l’instant : commencez une candidature.</p>}
      <div className="fr-grid-row fr-grid-row--gutters">
        {data?.items.map((d) => (
          <div key={d.id} className="fr-col-12 fr-col-lg-6">
            <article className="fr-card fr-p-3w" aria-labelledby={`dossier-${d.id}`}>
              <h2 id={`dossier-${d.id}`} className="fr-h5">
                <Link href={`/dossiers/${d.id}`}>
                  {d.product.name} {d.product.version}
                </Link>
              </h2>
              <p className="fr-mb-1w">
                {/* a certified dossier is as good as its certificate is today: suspended shows as such */}
                {d.certificate ? (
                  certificateBadge(d.certificate.status)
                ) : (
                  <Badge severity={statusSeverity(d.status)} small>
                    {STATUS_LABELS[d.status]}
                  </Badge>
                )}{' '}
                <span className="fr-text--sm">
                  {USE_CASE_LABELS[d.useCase]} · créé le {formatDate(d.createdAt)}
                </span>
              </p>
              {d.certificate && <p className="fr-text--sm">Certificat {d.certificate.number}</p>}
              <h3 className="fr-text--md fr-mb-1w">Délais en cours</h3>
              <DeadlineList deadlines={d.deadlines} />
            </article>
          </div>
        ))}
      </div>
    </Page>
  );
};
