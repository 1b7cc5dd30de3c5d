import type { Schemas } from '../api/client';
import { serviceNow } from '../api/service-time';
import { DEADLINE_LABELS } from './labels';
import { daysLeft, formatDateTime, formatDaysLeft } from './format';

type Deadline = Schemas['Dossier']['deadlines'][number];

/** The clocks running on a dossier: what falls due, when, how long is left, on which legal basis. */
export const DeadlineList = ({ deadlines, now = serviceNow() }: { deadlines: Deadline[]; now?: Date }) =>
  deadlines.length === 0 ? (
    <p className="fr-text--sm">Aucun délai en cours.</p>
  ) : (
    <ul className="fr-raw-list">
      {deadlines.map((d) => (
        <li key={`${d.kind}-${d.dueAt}`} className="fr-mb-1w">
          <strong>{DEADLINE_LABELS[d.kind]}</strong> : {formatDateTime(d.dueAt)} —{' '}
          <span className={daysLeft(d.dueAt, now) < 0 ? 'tlc-late' : undefined}>{formatDaysLeft(d.dueAt, now)}</span>
          <br />
          <span className="fr-text--xs">Fondement : {d.legalBasis}</span>
        </li>
      ))}
    </ul>
  );
