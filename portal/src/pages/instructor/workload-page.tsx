import { Link } from 'wouter';
import { serviceNow } from '../../api/service-time';
import { BarChart } from '../../ui/bar-chart';
import { formatDate } from '../../ui/format';
import { DEADLINE_LABELS, QUEUE_STAGE_LABELS } from '../../ui/labels';
import { Loading, Page } from '../../ui/page';
import { ProblemAlert } from '../../ui/problem-alert';
import { Section } from '../../ui/section';
import { useLoad } from '../../ui/use-load';
import { loadQueues } from './load-queues';
import { BUCKETS, workloadOf } from './workload';
import { DataTable } from '../../ui/data-table';

const BUCKET_COLOURS = {
  late: 'var(--background-flat-error)',
  week: 'var(--background-flat-warning)',
  month: 'var(--background-flat-info)',
  later: 'var(--background-flat-success)',
} as const;

/**
 * The instructors' workload: how many dossiers each queue holds and how many are late, how much
 * time each legal clock has left across them, and the late dossiers themselves — counted at the
 * service's instant, not the browser's.
 */
export const WorkloadPage = () => {
  const { data, error, loading } = useLoad(loadQueues, []);
  if (loading && !data) return <Loading />;
  if (!data) return <ProblemAlert error={error} />;
  const now = serviceNow();
  const workload = workloadOf(data, now);
  const total = workload.perStage.reduce((n, s) => n + s.count, 0);
  return (
    <Page title="Tableau de bord de la charge" trail={[{ label: 'Files d’instruction', href: '~/instruction' }]}>
      <p>
        {total} dossier{total > 1 ? 's' : ''} dans les files au {formatDate(now.toISOString())}, dont{' '}
        <strong>{workload.late.length} en retard</strong> sur au moins un délai.
      </p>
      <Section id="stages" title="Dossiers par étape">
        <BarChart
          id="chart-stages"
          title="Dossiers par étape"
          series={[
            { label: 'En retard', color: 'var(--background-flat-error)' },
            { label: 'Dans les délais', color: 'var(--background-action-high-blue-france)' },
          ]}
          rows={workload.perStage.map((s) => ({
            label: QUEUE_STAGE_LABELS[s.stage],
            values: [s.late, s.count - s.late],
          }))}
        />
      </Section>
      <Section id="clocks" title="Jours restants par délai">
        {workload.perClock.length === 0 ? (
          <p>Aucun délai ne court.</p>
        ) : (
          <BarChart
            id="chart-clocks"
            title="Jours restants par délai"
            series={BUCKETS.map((b) => ({ label: b.label, color: BUCKET_COLOURS[b.id] }))}
            rows={workload.perClock.map((c) => ({
              label: DEADLINE_LABELS[c.kind],
              values: BUCKETS.map((b) => c.buckets[b.id]),
            }))}
          />
        )}
      </Section>
      <Section id="late" title="Dossiers en retard">
        {workload.late.length === 0 ? (
          <p>Aucun dossier n’a de délai dépassé.</p>
        ) : (
          <DataTable
            className="tlc-table-scroll"
            caption="Dossiers en retard, le plus en retard d’abord"
            columns={['Référence', 'Solution', 'Entreprise', 'Étape', 'Délai dépassé', 'Échéance', 'Retard']}
            items={workload.late}
            row={(l) => (
              <tr key={l.item.dossierId}>
                <td style={{ whiteSpace: 'nowrap' }}>
                  <Link href={`/dossiers/${l.item.dossierId}`}>{l.item.reference ?? l.item.dossierId}</Link>
                </td>
                <td>
                  {l.item.product.name} {l.item.product.version}
                </td>
                <td>{l.item.companyName}</td>
                <td>{QUEUE_STAGE_LABELS[l.stage]}</td>
                <td>{DEADLINE_LABELS[l.kind]}</td>
                <td>{formatDate(l.dueAt)}</td>
                <td className="tlc-late">
                  {l.daysLate} jour{l.daysLate > 1 ? 's' : ''}
                </td>
              </tr>
            )}
          />
        )}
      </Section>
    </Page>
  );
};
