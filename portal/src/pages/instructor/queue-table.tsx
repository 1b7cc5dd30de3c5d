import { Link } from 'wouter';
import { nearestDeadline } from '../../../../functions/domain/queue';
import type { Schemas } from '../../api/client';
import { serviceNow } from '../../api/service-time';
import { currentSession } from '../../auth/session';
import { DEADLINE_LABELS } from '../../ui/labels';
import { daysLeft, formatDate, formatDaysLeft } from '../../ui/format';

export type QueueItem = Schemas['QueuePage']['items'][number];

const nearest = (item: QueueItem) => nearestDeadline(item.deadlines);

/** Whether one of the dossier's clocks is past its end at `now` (the service's instant). */
export const isLate = (item: QueueItem, now: Date) => item.deadlines.some((d) => daysLeft(d.dueAt, now) < 0);

/** Late dossiers first (in red), then first in, first out. */
export const byUrgency = (items: QueueItem[], now: Date) =>
  [...items].sort((a, b) => {
    const lateA = nearest(a) && daysLeft(nearest(a)!.dueAt, now) < 0 ? 0 : 1;
    const lateB = nearest(b) && daysLeft(nearest(b)!.dueAt, now) < 0 ? 0 : 1;
    return lateA - lateB || a.since.localeCompare(b.since);
  });

export const QueueTable = ({
  items,
  caption,
  hrefOf,
  empty = 'Aucun dossier dans cette file.',
}: {
  items: QueueItem[];
  caption: string;
  hrefOf: (i: QueueItem) => string;
  empty?: string;
}) => {
  const now = serviceNow();
  const me = currentSession()?.sub;
  if (items.length === 0) return <p>{empty}</p>;
  return (
    <div className="fr-table">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Solution</th>
            <th scope="col">Référence</th>
            <th scope="col">Entreprise</th>
            <th scope="col">Pris en charge par</th>
            <th scope="col">Entrée dans l’étape</th>
            <th scope="col">Délai le plus proche</th>
          </tr>
        </thead>
        <tbody>
          {byUrgency(items, now).map((item) => {
            const clock = nearest(item);
            const late = clock ? daysLeft(clock.dueAt, now) < 0 : false;
            return (
              <tr key={item.dossierId}>
                <td>
                  <Link href={hrefOf(item)}>
                    {item.product.name} {item.product.version}
                  </Link>
                </td>
                <td style={{ whiteSpace: 'nowrap' }}>{item.reference ?? '—'}</td>
                <td>{item.companyName}</td>
                <td>
                  {item.assignee
                    ? item.assignee.sub === me
                      ? 'vous'
                      : (item.assignee.email ?? item.assignee.sub)
                    : '—'}
                </td>
                <td>{formatDate(item.since)}</td>
                <td className={late ? 'tlc-late' : undefined}>
                  {clock ? (
                    <>
                      {DEADLINE_LABELS[clock.kind]} : {formatDate(clock.dueAt)} — {formatDaysLeft(clock.dueAt, now)}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
};
