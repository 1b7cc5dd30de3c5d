import { daysBefore, rawDeadline } from './calendar';
import { CLOSED_WITHOUT_CERTIFICATE, isCertified, type Dossier } from './dossier-model';
import { RETENTION, RETENTION_NOTICE_DAYS, type RetentionCategory } from './retention';

/**
 * When each retention period ends (domain/retention.ts holds the periods and their reasons): the
 * legal calendar counts them, as every other period, without the working-day extension.
 */
const RULES = new Map(RETENTION.map((r) => [r.category, r]));

export interface DossierRetention {
  category: Extract<RetentionCategory, 'draft_not_submitted' | 'closed_without_certificate' | 'certified'>;
  /** the instant the period runs from */
  from: string;
  /** the end of the period's last day (Paris): from then on the dossier's personal data are erased */
  dueAt: string;
  /** when the company is told (RETENTION_NOTICE_DAYS before) */
  noticeAt: string;
}

/**
 * When a dossier's personal data are erased, and under which category; null while its period has
 * not started (an open dossier, or a certificate still alive). A draft closed without ever being
 * submitted, a dossier closed without a certificate, and one behind a certificate that ended each
 * run from their own event. Not a procedural deadline: no working-day extension.
 */
export const dossierRetention = (dossier: Dossier): DossierRetention | null => {
  const closedWithout = (CLOSED_WITHOUT_CERTIFICATE as readonly string[]).includes(dossier.status);
  const category: DossierRetention['category'] | null = closedWithout
    ? dossier.submittedAt
      ? 'closed_without_certificate'
      : 'draft_not_submitted'
    : isCertified(dossier.status) && dossier.certificate?.endedAt
      ? 'certified'
      : null;
  const from = category === 'certified' ? dossier.certificate?.endedAt : dossier.closedAt;
  if (!category || !from) return null;
  const due = rawDeadline(new Date(from), RULES.get(category)!.period);
  return {
    category,
    from,
    dueAt: due.toISOString(),
    noticeAt: daysBefore(due, RETENTION_NOTICE_DAYS).toISOString(),
  };
};

/**
 * When a record of a category with a fixed period (mail, API clients and webhooks) expires, in
 * epoch seconds: the table's TTL attribute erases it then (DynamoDB deletes expired items within
 * days, and on the local stack the purge's run does).
 */
export const expiresAt = (category: 'mail' | 'api_clients_and_webhooks', from: string): number =>
  Math.ceil(rawDeadline(new Date(from), RULES.get(category)!.period).getTime() / 1000);

/** The next instant the purge has something to do for this dossier: its notice, then its erasure. */
export const retentionWakeAt = (dossier: Dossier): string | null => {
  const retention = dossierRetention(dossier);
  if (!retention) return null;
  return dossier.retentionNoticeAt ? retention.dueAt : retention.noticeAt;
};
