import { SYSTEM_ACTOR } from '../caller';
import type { Dossier, DossierStatus } from '../dossier-model';
import { mailToCompany, type RuleChange } from '../rule-change';
import { RETENTION } from '../retention';
import { dossierRetention, type DossierRetention } from '../retention-dates';

/**
 * The end of a dossier's retention (domain/retention.ts), in two acts like every clock: the notice
 * to the company two weeks before, then the erasure, which keeps of the dossier only what names no
 * one — its tombstone — beside a journal whose links all still check (domain/journal.ts).
 */

/** The notice, once, when it is due and the erasure not yet; null otherwise (nothing to do). */
export const noticeRetention = (dossier: Dossier, now: Date): RuleChange | null => {
  const retention = dossierRetention(dossier);
  if (!retention || dossier.retentionNoticeAt) return null;
  if (now.getTime() < new Date(retention.noticeAt).getTime() || now.getTime() >= new Date(retention.dueAt).getTime())
    return null;
  const rule = RETENTION.find((r) => r.category === retention.category)!;
  return {
    dossier: { ...dossier, retentionNoticeAt: now.toISOString() },
    events: [
      {
        type: 'retention_notice_sent',
        actor: SYSTEM_ACTOR,
        data: { category: retention.category, dueAt: retention.dueAt },
      },
    ],
    mails: [
      mailToCompany(`dossier:${dossier.id}:retention-notice`, 'retention_notice', {
        dueAt: retention.dueAt,
        reason: rule.reason,
      }),
    ],
  };
};

/** What stays of a dossier once its personal data are erased: where it stood and when, nothing of a person. */
export interface PurgedDossier {
  id: string;
  companyId: string;
  status: DossierStatus;
  referentialVersion: string;
  createdAt: string;
  submittedAt?: string;
  closedAt?: string;
  certificateNumber?: string;
  retention: DossierRetention;
  purgedAt: string;
}

/** The tombstone, when the erasure is due; null before (a stale wake-up changes nothing). */
export const purgeDue = (dossier: Dossier, now: Date): PurgedDossier | null => {
  const retention = dossierRetention(dossier);
  if (!retention || now.getTime() < new Date(retention.dueAt).getTime()) return null;
  return {
    id: dossier.id,
    companyId: dossier.companyId,
    status: dossier.status,
    referentialVersion: dossier.referentialVersion,
    createdAt: dossier.createdAt,
    ...(dossier.submittedAt ? { submittedAt: dossier.submittedAt } : {}),
    ...(dossier.closedAt ? { closedAt: dossier.closedAt } : {}),
    ...(dossier.certificate ? { certificateNumber: dossier.certificate.number } : {}),
    retention,
    purgedAt: now.toISOString(),
  };
};
