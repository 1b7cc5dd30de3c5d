import { certificateClockName } from '../domain/certificate';
import type { Dossier } from '../domain/dossier-model';
import {
  findNotification,
  issueNotification,
  notificationView,
  received,
  withDeemedReceipts,
  type NotificationKind,
} from '../domain/notifications';
import { randomUUID } from 'node:crypto';
import { actorOf, SYSTEM_ACTOR, type Caller } from '../domain/caller';
import { CURRENT_PUBLIC_STATUSES, type Certificate } from '../domain/certificate';
import * as life from '../domain/certificate-life';
import { companyRecipients } from '../domain/company';
import { NotFoundError } from '../domain/errors';
import type { Actor } from '../domain/journal';
import { outboxMessage, type OutboxMessage } from '../domain/outbox';
import type { MailDataByTemplate, MailTemplate } from '../domain/mail-templates';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { withDeadlines } from '../domain/dossier';
import { APPEAL_TEXT } from '../domain/decision';

/**
 * Use cases of a certificate's life (guide §5.4, R.1470-9, convention art. 14–16).
 * Input: a certificate number, the caller, the action's fields. Output: the certificate as stored.
 * Steps (every command): authorise → load with the legal effects already due applied
 * (`evaluateCertificate`: lapse, expiry, renewal) → decide with the domain's rule
 * (certificate-life.ts: preconditions, 409/422 naming the rule) → store on the dossier with its
 * journal event and mail in one transaction (`commitCertificate`) → reschedule the long clock.
 */

const STATUS_LABELS: Record<Certificate['status'], string> = {
  valid: 'valide',
  formal_notice: 'en mise en demeure',
  suspended: 'suspendu',
  withdrawn: 'retiré',
  terminated: 'résilié',
  expired: 'expiré',
};

/** A mail about a certificate: its template and the fields that template needs beyond the certificate's own. */
type CertificateMail = {
  [T in MailTemplate]: {
    template: T;
    to: 'company' | 'ans' | 'both';
    data?: Omit<MailDataByTemplate[T], 'productName' | 'productVersion' | 'number' | 'status'>;
  };
}[MailTemplate];

/** (Re)schedules the certificate's next wake-up, or cancels it when nothing is left to wait for. */
export const scheduleCertificateClock = async (deps: Dependencies, certificate: Certificate) => {
  const effect = life.decideCertificate(certificate, deps.clock.now(), deps.calendar);
  const name = certificateClockName(certificate.number);
  const wakeAt = effect.kind === 'none' ? effect.nextWakeAt : deps.clock.now(); // due now: run at once
  if (wakeAt) await deps.longClocks.schedule(name, wakeAt, certificate.number);
  else await deps.longClocks.cancel(name);
  // the reconciler's index follows the schedule: a schedule lost later is found by its instant
  await deps.certificates.setClock(certificate.number, wakeAt?.toISOString() ?? null);
};

export { certificateClockName };

/** The certificate's acts that are notified to the company, by the journal event that records them. */
const NOTIFIED: Partial<Record<string, NotificationKind>> = {
  formal_notice_issued: 'formal_notice',
  observations_requested: 'observations_notice',
  certificate_suspended: 'suspension',
  certificate_reinstated: 'reinstatement',
  certificate_withdrawn: 'withdrawal',
  certificate_terminated: 'termination',
  certificate_expired: 'expiry',
  renewal_required: 'renewal_required',
};

/**
 * Stores a certificate's new state on its dossier (journal, snapshot, mail) in one transaction,
 * then reschedules its clock. Every status change shows at once in the public verification.
 */
export const commitCertificate = async (
  deps: Dependencies,
  changed: Certificate,
  event: { type: string; actor: Actor; data?: Record<string, unknown> },
  mail?: CertificateMail,
) => {
  let next = changed;
  const stored = await deps.dossiers.get(next.dossierId);
  if (!stored) throw new NotFoundError('the certificate’s dossier is missing');
  // the act is notified (API.md [1.2]); receipts deemed meanwhile are recorded with it
  const kind = NOTIFIED[event.type];
  const settled = withDeemedReceipts(next.notifications, deps.clock.now());
  const issued = kind
    ? issueNotification(kind, `n${settled.notifications.length + 1}`, deps.clock.now(), deps.calendar, {
        undeliverable: stored.dossier.undeliverable,
        ...(typeof event.data?.noticeId === 'string' ? { subjectId: event.data.noticeId } : {}),
      })
    : null;
  next = { ...next, notifications: [...settled.notifications, ...(issued ? [issued] : [])] };
  const company = await deps.companies.get(next.companyId);
  const at = deps.clock.now().toISOString();
  const to = [
    ...(mail && mail.to !== 'ans' && company ? companyRecipients(company) : []),
    ...(mail && mail.to !== 'company' ? [deps.ansMailbox] : []),
  ];
  const outbox: OutboxMessage[] =
    mail && to.length
      ? [
          outboxMessage(
            `certificate:${next.number}:${event.type}:${at}`,
            mail.template,
            to,
            {
              productName: next.product.name,
              productVersion: next.product.version,
              dossierId: next.dossierId,
              number: next.number,
              status: STATUS_LABELS[next.status],
              ...mail.data,
              ...(issued && mail.to !== 'ans' ? { deemedReceivedAt: issued.deemedReceivedAt } : {}),
            } as MailDataByTemplate[typeof mail.template],
            at,
            next.dossierId,
          ),
        ]
      : [];
  const notice = life.openNotice(next);
  const snapshot = {
    ...stored.dossier.certificate!,
    status: next.status,
    conventionTermAt: next.conventionTermAt,
    ...(next.ended ? { endedAt: next.ended.at } : {}),
  };
  delete snapshot.formalNoticeRespondBy;
  const dossier = withDeadlines(
    { ...stored.dossier, certificate: { ...snapshot, ...(notice ? { formalNoticeRespondBy: notice.respondBy } : {}) } },
    deps.calendar,
  );
  await commitDossier(
    deps,
    stored,
    dossier,
    [
      ...settled.deemed.map((n) => ({
        type: 'notification_deemed_received',
        actor: SYSTEM_ACTOR,
        data: { number: next.number, notificationId: n.id, kind: n.kind, receivedAt: n.deemedReceivedAt },
      })),
      { ...event, data: { number: next.number, status: next.status, ...event.data } },
      ...(issued
        ? [
            {
              type: 'notification_issued',
              actor: SYSTEM_ACTOR,
              data: { number: next.number, notificationId: issued.id, kind, deemedReceivedAt: issued.deemedReceivedAt },
            },
          ]
        : []),
    ],
    {
      certificates: [next],
      outbox,
    },
  );
  await scheduleCertificateClock(deps, next);
  return next;
};

const read = async (deps: Dependencies, number: string) => {
  const certificate = await deps.certificates.get(number);
  if (!certificate) throw new NotFoundError('no such certificate');
  return certificate;
};

/**
 * The certificate with the renewal candidature that answers its required renewal, read from the
 * company's dossiers that renew it (R.1470-11: applied for by the date, it stays valid until that
 * dossier ends). Nothing to read when no renewal is required.
 */
export const withRenewalApplication = async (deps: Dependencies, certificate: Certificate): Promise<Certificate> => {
  if (!certificate.renewalRequiredBy || certificate.replacedBy) return certificate;
  const renewals: Dossier[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.dossiers.listByCompany(certificate.companyId, 100, cursor);
    renewals.push(...page.items.filter((d) => d.renewalOf === certificate.number));
    cursor = page.nextCursor;
  } while (cursor);
  const application = life.renewalApplication(renewals);
  const { renewalApplication: _previous, ...rest } = certificate;
  return application ? { ...rest, renewalApplication: application } : rest;
};

/** Legal effects first: a command on a certificate sees every lapse, expiry and renewal already due. */
const load = async (deps: Dependencies, number: string) => evaluateCertificate(deps, number);

/**
 * The certificate's clock (EventBridge Scheduler target): applies what fell due — the tacit
 * renewal of the convention at its 5-year term, the exceptional certificate's expiry, a formal
 * notice's lapse (instructors are told withdrawal is open: a person decides) — then reschedules.
 * Idempotent: a replayed or early wake-up finds nothing due and only reschedules.
 */
export const evaluateCertificate = async (deps: Dependencies, number: string) => {
  for (let step = 0; step < 10; step++) {
    const certificate = await withRenewalApplication(deps, await read(deps, number));
    const now = deps.clock.now();
    const effect = life.decideCertificate(certificate, now, deps.calendar);
    const at = now.toISOString();
    if (effect.kind === 'none') {
      await scheduleCertificateClock(deps, certificate);
      return certificate;
    }
    if (effect.kind === 'expire') {
      await commitCertificate(
        deps,
        { ...certificate, status: 'expired', ended: { status: 'expired', at, by: 'system' }, updatedAt: at },
        {
          type: 'certificate_expired',
          actor: SYSTEM_ACTOR,
          data: { exceptionalExpiresAt: certificate.exceptionalExpiresAt },
        },
        { template: 'certificate_status_changed', to: 'both' },
      );
    } else if (effect.kind === 'renew') {
      const renewal = {
        at,
        previousTermAt: certificate.conventionTermAt!,
        nextTermAt: effect.nextTermAt.toISOString(),
      };
      await commitCertificate(
        deps,
        {
          ...certificate,
          conventionTermAt: renewal.nextTermAt,
          renewals: [...(certificate.renewals ?? []), renewal],
          updatedAt: at,
        },
        { type: 'convention_renewed', actor: SYSTEM_ACTOR, data: renewal },
        { template: 'convention_renewed', to: 'both', data: { dueAt: renewal.nextTermAt } },
      );
    } else if (effect.kind === 'renewal_expired') {
      await commitCertificate(
        deps,
        {
          ...certificate,
          status: 'expired',
          ended: {
            status: 'expired',
            at,
            by: 'system',
            reason: effect.application?.ended
              ? `renewal candidature ${effect.application.dossierId} ${effect.application.ended.status} on ${effect.application.ended.at} (renewal required by ${certificate.renewalRequiredBy})`
              : `not applied for renewal by ${certificate.renewalRequiredBy} (${certificate.renewalReason ?? 'renewal required'})`,
          },
          updatedAt: at,
        },
        {
          type: 'certificate_expired',
          actor: SYSTEM_ACTOR,
          data: {
            renewalRequiredBy: certificate.renewalRequiredBy,
            reason: certificate.renewalReason,
            ...(effect.application ? { renewalDossierId: effect.application.dossierId } : {}),
            legalBasis: 'Code de la santé publique, art. R.1470-11',
          },
        },
        {
          template: 'certificate_expired_renewal',
          to: 'both',
          data: { dueAt: effect.renewalRequiredBy.toISOString(), at, reason: certificate.renewalReason ?? '' },
        },
      );
    } else if (effect.kind === 'renewal_reminder' || effect.kind === 'term_reminder') {
      // a reminder before the date a renewal must be applied for, or before the convention's term
      const renewal = effect.kind === 'renewal_reminder';
      const due = { dueAt: effect.dueAt.toISOString(), daysLeft: effect.daysLeft };
      await commitCertificate(
        deps,
        {
          ...certificate,
          remindersSent: [...(certificate.remindersSent ?? []), ...effect.key.split(',')],
          updatedAt: at,
        },
        {
          type: 'reminder_sent',
          actor: SYSTEM_ACTOR,
          data: { clock: renewal ? 'renewal_required' : 'convention_term', ...due },
        },
        renewal
          ? {
              template: 'certificate_renewal_deadline',
              to: 'company',
              data: { ...due, reason: certificate.renewalReason ?? '' },
            }
          : { template: 'convention_term_reminder', to: 'company', data: due },
      );
    } else if (effect.kind === 'not_renewed') {
      const notice = certificate.nonRenewal!;
      const reason = `convention not renewed at its term: notice given by ${notice.party === 'ans' ? 'ANS' : 'the company'} on ${notice.at}`;
      await commitCertificate(
        deps,
        {
          ...certificate,
          status: 'expired',
          // the certificate ends with its convention, at the term, however late the clock
          ended: { status: 'expired', at: effect.termAt.toISOString(), by: 'system', reason, reasons: notice.reasons },
          updatedAt: at,
        },
        {
          type: 'certificate_expired',
          actor: SYSTEM_ACTOR,
          data: {
            termAt: effect.termAt.toISOString(),
            nonRenewal: notice.party,
            legalBasis: 'Guide de dépôt ANS §5.4',
          },
        },
        { template: 'convention_not_renewed', to: 'both', data: { at: effect.termAt.toISOString() } },
      );
    } else {
      const notices = certificate.formalNotices!.map((n) =>
        n.id === effect.noticeId ? { ...n, status: 'lapsed' as const, lapseNotifiedAt: at } : n,
      );
      await commitCertificate(
        deps,
        { ...certificate, formalNotices: notices, updatedAt: at },
        { type: 'formal_notice_lapsed', actor: SYSTEM_ACTOR, data: { noticeId: effect.noticeId } },
        { template: 'formal_notice_lapsed', to: 'ans' },
      );
    }
  }
  throw new Error(`certificate ${number}: too many effects at once`);
};

export const formalNotice = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  input: { nonConformities: string[]; respondBy: string },
) => {
  const next = life.issueFormalNotice(
    await load(deps, number),
    { id: randomUUID(), nonConformities: input.nonConformities, respondBy: new Date(input.respondBy), by: caller.sub },
    deps.clock.now(),
    deps.calendar,
  );
  return commitCertificate(
    deps,
    next,
    {
      type: 'formal_notice_issued',
      actor: actorOf(caller),
      data: {
        noticeId: next.formalNotices!.at(-1)!.id,
        respondBy: input.respondBy,
        nonConformities: input.nonConformities,
      },
    },
    {
      template: 'formal_notice_issued',
      to: 'company',
      data: { dueAt: input.respondBy, items: input.nonConformities.join('\n') },
    },
  );
};

export const respondToFormalNotice = async (deps: Dependencies, caller: Caller, number: string, message: string) => {
  const certificate = await load(deps, number);
  if (caller.ensId !== certificate.companyId) throw new NotFoundError('no such certificate');
  const next = life.respondToNotice(certificate, { message, by: caller.sub }, deps.clock.now());
  return commitCertificate(
    deps,
    next,
    { type: 'formal_notice_answered', actor: actorOf(caller), data: { length: message.length } },
    {
      template: 'certificate_status_changed',
      to: 'ans',
    },
  );
};

export const closeFormalNotice = async (deps: Dependencies, caller: Caller, number: string, noticeId?: string) => {
  const before = await load(deps, number);
  const next = life.closeNoticeRemedied(before, deps.clock.now(), noticeId);
  const closed = next.formalNotices!.find(
    (n, i) => n.status === 'remedied' && before.formalNotices![i]!.status !== 'remedied',
  );
  return commitCertificate(
    deps,
    next,
    { type: 'formal_notice_remedied', actor: actorOf(caller), data: { noticeId: closed?.id } },
    { template: 'certificate_status_changed', to: 'company' },
  );
};

/**
 * Suspension, reinstatement or withdrawal: each a decision with its reasons, mailed with them and,
 * for a sanction, the means of appeal.
 */
export const changeCertificateStatus = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  action: 'suspend' | 'reinstate' | 'withdraw',
  reasons: string[],
  basis?: 'L242-1',
) => {
  const certificate = await load(deps, number);
  const now = deps.clock.now();
  const by = { reasons, by: caller.sub, ...(basis ? { basis } : {}) };
  const next =
    action === 'suspend'
      ? life.suspend(certificate, by, now)
      : action === 'reinstate'
        ? life.reinstate(certificate, by, now)
        : life.withdraw(certificate, by, now);
  return commitCertificate(
    deps,
    next,
    {
      type: `certificate_${action === 'withdraw' ? 'withdrawn' : action === 'suspend' ? 'suspended' : 'reinstated'}`,
      actor: actorOf(caller),
      data: { ...(reasons.length ? { reasons } : {}), ...(basis ? { basis } : {}) },
    },
    {
      template: 'certificate_status_changed',
      to: 'company',
      data: {
        ...(reasons.length ? { reasons: reasons.join(' ; ') } : {}),
        ...(action === 'reinstate' ? {} : { appeal: APPEAL_TEXT }),
      },
    },
  );
};

/** Notice to present observations (convention art. 16), with the time limit ANS sets. */
export const noticeToPresentObservations = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  input: { facts: string; respondBy: string },
) => {
  const next = life.issueObservationsNotice(
    await load(deps, number),
    { facts: input.facts, respondBy: new Date(input.respondBy), by: caller.sub },
    deps.clock.now(),
    deps.calendar,
  );
  return commitCertificate(
    deps,
    next,
    { type: 'observations_requested', actor: actorOf(caller), data: { respondBy: next.observationsNotice!.respondBy } },
    {
      template: 'observations_requested',
      to: 'company',
      data: { items: input.facts, dueAt: next.observationsNotice!.respondBy! },
    },
  );
};

/** The company presents its observations before the time limit. */
export const presentObservations = async (deps: Dependencies, caller: Caller, number: string, text: string) => {
  const certificate = await load(deps, number);
  if (caller.ensId !== certificate.companyId) throw new NotFoundError('no such certificate');
  const next = life.presentObservations(certificate, { text, by: caller.sub }, deps.clock.now());
  return commitCertificate(
    deps,
    next,
    { type: 'observations_presented', actor: actorOf(caller), data: { length: text.length } },
    { template: 'observations_received', to: 'ans', data: { at: next.observationsNotice!.observations!.at } },
  );
};

export const terminateCertificate = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  input: { ground: 'by_operation_of_law' | 'fraud' | 'fault'; reasons: string[]; faultCase?: life.FaultCase },
) => {
  const next = life.terminate(await load(deps, number), { ...input, by: caller.sub }, deps.clock.now());
  return commitCertificate(
    deps,
    next,
    {
      type: 'certificate_terminated',
      actor: actorOf(caller),
      data: { ground: input.ground, faultCase: input.faultCase, reasons: input.reasons },
    },
    {
      template: 'certificate_status_changed',
      to: 'company',
      data: { reasons: input.reasons.join(' ; '), appeal: APPEAL_TEXT },
    },
  );
};

/** The company declares a substantial change: a new candidature is required (guide §5.4). */
export const declareSubstantialChange = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  description: string,
) => {
  const certificate = await load(deps, number);
  if (caller.ensId !== certificate.companyId) throw new NotFoundError('no such certificate');
  const at = deps.clock.now().toISOString();
  const next = {
    ...certificate,
    substantialChange: { description, declaredAt: at },
    renewalReason: 'substantial_change',
    updatedAt: at,
  };
  return commitCertificate(
    deps,
    next,
    { type: 'substantial_change_declared', actor: actorOf(caller) },
    { template: 'renewal_required', to: 'both' },
  );
};

/**
 * ANS records that a certificate must be renewed by a date (R.1470-11): a substantial change it
 * found (the company's own declaration stays possible), or a new referential; the holder is told,
 * and the certificate ends at that date unless renewed, as for a new referential version.
 */
export const requireRenewal = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  input: { requiredBy: string; reason: 'substantial_change' | 'new_referential'; details: string },
) => {
  const certificate = await load(deps, number);
  const now = deps.clock.now();
  const next = life.requireRenewal(certificate, input, now);
  return commitCertificate(
    deps,
    next,
    {
      type: 'renewal_required',
      actor: actorOf(caller),
      data: { requiredBy: input.requiredBy, reason: input.reason, detailsLength: input.details.length },
    },
    {
      template: 'renewal_required',
      to: 'company',
      data: {
        dueAt: life.endOfLegalDay(input.requiredBy).toISOString(),
        ...(input.reason === 'substantial_change' ? { reasons: input.details } : { version: 'en vigueur' }),
      },
    },
  );
};

/** A new referential version: every living certificate must be renewed by the given date. */
export const flagHoldersForRenewal = async (deps: Dependencies, version: string, renewalRequiredBy: string) => {
  let cursor: string | undefined;
  let flagged = 0;
  do {
    const page = await deps.certificates.listPublic(100, cursor, CURRENT_PUBLIC_STATUSES);
    for (const certificate of page.items) {
      if (life.hasEnded(certificate) || certificate.referentialVersion === version) continue;
      const at = deps.clock.now().toISOString();
      await commitCertificate(
        deps,
        { ...certificate, renewalRequiredBy, renewalReason: `referential ${version}`, updatedAt: at },
        { type: 'renewal_required', actor: SYSTEM_ACTOR, data: { version, renewalRequiredBy } },
        { template: 'renewal_required', to: 'company', data: { dueAt: renewalRequiredBy, version } },
      );
      flagged++;
    }
    cursor = page.nextCursor;
  } while (cursor);
  return flagged;
};

/**
 * The company opens a notification of its certificate (R.1470-4 al. 2); the first receipt counts
 * (an opening after the deemed receipt changes nothing). Output: the notification.
 */
export const openCertificateNotification = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  notificationId: string,
) => {
  const certificate = await load(deps, number);
  if (caller.ensId !== certificate.companyId) throw new NotFoundError('no such certificate');
  const now = deps.clock.now();
  const settled = withDeemedReceipts(certificate.notifications, now).notifications;
  const n = findNotification(settled, notificationId);
  const opened = received(n, 'opened', now.toISOString());
  if (!opened) return notificationView(n);
  const next = await commitCertificate(
    deps,
    {
      ...certificate,
      notifications: (certificate.notifications ?? []).map((x) => (x.id === n.id ? opened : x)),
      updatedAt: now.toISOString(),
    },
    {
      type: 'notification_received',
      actor: actorOf(caller),
      data: { notificationId: n.id, kind: n.kind, receipt: 'opened', receivedAt: opened.receivedAt },
    },
  );
  return notificationView(findNotification(next.notifications, notificationId));
};

/**
 * Notice against the convention's tacit renewal (guide §5.4), by its company or by ANS: the
 * certificate ends at the term. Input: number, reasons. Output: the certificate.
 */
export const noticeAgainstRenewal = async (deps: Dependencies, caller: Caller, number: string, reasons: string[]) => {
  const certificate = await load(deps, number);
  const party = caller.roles.includes('instructor') ? 'ans' : 'company';
  if (party === 'company' && caller.ensId !== certificate.companyId) throw new NotFoundError('no such certificate');
  const next = life.giveNonRenewalNotice(certificate, { by: caller.sub, party, reasons }, deps.clock.now());
  return commitCertificate(
    deps,
    next,
    { type: 'non_renewal_notice', actor: actorOf(caller), data: { party, termAt: certificate.conventionTermAt } },
    {
      template: 'convention_non_renewal_notice',
      to: 'both',
      data: { dueAt: certificate.conventionTermAt!, party: party === 'ans' ? 'l’ANS' : 'l’entreprise' },
    },
  );
};
