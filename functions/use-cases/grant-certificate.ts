import { SYSTEM_ACTOR } from '../domain/caller';
import { certificateKey, certificateNumber, newCertificate, type Certificate } from '../domain/certificate';
import {
  conventionTermFrom,
  exceptionalRegimeEnd,
  hasEnded,
  tacitReviewGrounds,
  tacitReviewUntil,
} from '../domain/certificate-life';
import { conventionJob, conventionKey } from '../domain/dossier-rules/instruction';
import { newDecision } from '../domain/decision';
import { BusinessRuleError } from '../domain/errors';
import { scheduleCertificateClock } from './certificate-life';
import { effectiveInstant, type RunningClock } from '../domain/clocks';
import { transition, type Dossier } from '../domain/dossier';
import type { Actor } from '../domain/journal';
import { companyMail } from '../domain/outbox';
import type { StoredDossier } from '../domain/ports';
import type { Dependencies } from '../container';
import { commitDossier, type EventDraft } from './commit-dossier';
import { documentJob } from '../domain/document-job';
import { decisionNotified, notify } from '../domain/dossier-rules/notifications';

/**
 * Input: the stored dossier, who grants (collège or silence), reservations. Output: the dossier
 * and the certificate. Steps: allocate the year's number → build the certificate (term from the
 * convention's signature; exceptional only from the collège and before the regime's end) → store dossier, certificate, replaced certificate, journal and mail in one transaction →
 * schedule the certificate's long clock.
 */

/**
 * Grants the certificate: a unique number from the year's atomic counter, the certificate
 * record (published), the dossier's final status, the journal and the mail — one transaction.
 * A number allocated for a transaction that then loses a race is skipped, never reused.
 */
export const grantCertificate = async (
  deps: Dependencies,
  stored: StoredDossier,
  grant: {
    grantedBy: 'college' | 'tacit_acceptance';
    reservations?: string[];
    actor: Actor;
    data?: Record<string, unknown>;
    /** journal events recorded before the grant in the same transaction (e.g. the signature) */
    before?: EventDraft[];
    /** the instant the grant takes effect, when the law sets it (tacit acceptance); else now */
    at?: Date;
    /** why silence accepted a file ANS had found wanting: the grant may be withdrawn for 4 months */
    reviewGrounds?: string[];
  },
) => {
  const now = grant.at ?? deps.clock.now();
  const at = now.toISOString();
  const company = await deps.companies.get(stored.dossier.companyId);
  // silence never yields an exceptional certificate: only the collège grants one
  const exceptional = stored.dossier.exceptional && grant.grantedBy === 'college';
  let exceptionalExpiresAt: string | undefined;
  if (exceptional) {
    // checked before a number is taken: a refused grant never consumes one
    exceptionalExpiresAt = exceptionalRegimeEnd(deps.exceptionalExpiresOn).toISOString();
    if (Date.parse(exceptionalExpiresAt) <= now.getTime()) {
      throw new BusinessRuleError(
        `the exceptional certificate regime ended on ${deps.exceptionalExpiresOn}`,
        undefined,
        'Arrêté du 9 février 2024 (certificat exceptionnel)',
      );
    }
  }
  const number = certificateNumber(now.getUTCFullYear(), await deps.certificates.allocateNumber(now.getUTCFullYear()));
  // the 5-year term is the convention's: it runs from its signature (the grant when silence
  // certified a file before any convention was signed)
  const termStart = stored.dossier.convention?.signedAt ? new Date(stored.dossier.convention.signedAt) : now;
  const decision =
    stored.dossier.decision ??
    newDecision(grant.grantedBy === 'tacit_acceptance' ? 'tacit_acceptance' : 'certified', at, grant.actor.sub);
  const certificate: Certificate = {
    ...newCertificate(stored.dossier, company?.name ?? '', number, at, grant),
    conventionTermAt: conventionTermFrom(termStart, deps.calendar).toISOString(),
    ...(exceptionalExpiresAt ? { exceptionalExpiresAt } : {}),
    ...(grant.reviewGrounds?.length
      ? { tacitReview: { until: tacitReviewUntil(now, deps.calendar).toISOString(), grounds: grant.reviewGrounds } }
      : {}),
  };
  // silence certified a file before any convention was signed: the convention is sent now
  const conventionSent = grant.grantedBy === 'tacit_acceptance' && !stored.dossier.convention;
  // a renewal replaces the certificate it renews
  const replaced = stored.dossier.renewalOf ? await deps.certificates.get(stored.dossier.renewalOf) : null;
  const replacedUpdate: Certificate[] =
    replaced && !hasEnded(replaced)
      ? [
          {
            ...replaced,
            replacedBy: number,
            status: 'expired',
            ended: { status: 'expired', at, by: 'system', reason: `replaced by ${number}` },
            updatedAt: at,
          },
        ]
      : [];
  const status = certificate.withReservations ? 'certified_with_reservations' : 'certified';
  const granted: Dossier = {
    ...transition(stored.dossier, status, now),
    ...(conventionSent ? { convention: { generatedAt: at, key: conventionKey(stored.dossier.id) } } : {}),
    decision,
    certificate: {
      number,
      status: certificate.status,
      grantedAt: at,
      grantedBy: grant.grantedBy,
      withReservations: certificate.withReservations,
      conventionTermAt: certificate.conventionTermAt,
    },
  };
  // the decision is notified (API.md [1.2]) — unless the collège's was, before the signature
  const issued = decisionNotified(granted)
    ? null
    : notify(granted, grant.grantedBy === 'tacit_acceptance' ? 'tacit_acceptance' : 'decision', now, deps.calendar);
  const dossier = issued?.dossier ?? granted;
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [
      ...(grant.before ?? []),
      {
        type: 'certificate_granted',
        actor: grant.actor,
        data: { number, grantedBy: grant.grantedBy, withReservations: certificate.withReservations, ...grant.data },
      },
      ...(issued ? [issued.event] : []),
    ],
    {
      certificates: [certificate, ...replacedUpdate],
      // the PDF is rendered by the document function once the grant is stored
      documents: [
        ...(conventionSent ? [conventionJob(stored.dossier.id, at)] : []),
        documentJob(
          {
            kind: 'certificate',
            dossierId: stored.dossier.id,
            certificateNumber: number,
            key: certificateKey(stored.dossier.id, number),
            at,
          },
          at,
        ),
      ],
      outbox: companyMail(
        company,
        dossier,
        `certificate:${number}`,
        'certificate_granted',
        at,
        {
          number,
          at,
          tacit: grant.grantedBy === 'tacit_acceptance',
          reservations: grant.reservations?.join(' ; '),
          appeal: decision.appeal,
        },
        [deps.ansMailbox],
      ),
    },
  );
  await scheduleCertificateClock(deps, certificate);
  for (const r of replacedUpdate) await scheduleCertificateClock(deps, r);
  return { saved, certificate };
};

/** R.1470-4: no decision notified when the decision clock ran out — silence is acceptance. */
export const grantByTacitAcceptance = async (deps: Dependencies, stored: StoredDossier, clock: RunningClock) =>
  grantCertificate(deps, stored, {
    grantedBy: 'tacit_acceptance',
    reviewGrounds: tacitReviewGrounds(
      stored.dossier,
      (await deps.dossiers.getWithUploads(stored.dossier.id))?.uploads ?? [],
    ),
    // silence accepts at the first instant after the decision period, however late the timer
    at: effectiveInstant(clock),
    actor: SYSTEM_ACTOR,
    data: { decisionDueAt: clock.dueAt.toISOString(), legalBasis: clock.legalBasis },
  });
