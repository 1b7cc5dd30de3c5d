import { SYSTEM_ACTOR } from '../domain/caller';
import { certificateKey, certificateNumber, newCertificate, type Certificate } from '../domain/certificate';
import { conventionTermFrom, hasEnded } from '../domain/certificate-life';
import { legalDeadline } from '../domain/calendar';
import { BusinessRuleError } from '../domain/errors';
import { scheduleCertificateClock } from './certificate-life';
import type { RunningClock } from '../domain/clocks';
import { companyRecipients } from '../domain/company';
import { transition, type Dossier } from '../domain/dossier';
import type { Actor } from '../domain/journal';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { StoredDossier } from '../domain/ports';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { certificatePdf } from '../documents/pdf';

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
  },
) => {
  const now = deps.clock.now();
  const at = now.toISOString();
  const company = await deps.companies.get(stored.dossier.companyId);
  const number = certificateNumber(now.getUTCFullYear(), await deps.certificates.allocateNumber(now.getUTCFullYear()));
  const exceptional = stored.dossier.exceptional && grant.grantedBy === 'college';
  let exceptionalExpiresAt: string | undefined;
  if (exceptional) {
    exceptionalExpiresAt = legalDeadline(
      new Date(`${deps.exceptionalExpiresOn}T12:00:00Z`),
      { days: 0 },
      { extendToWorkingDay: false },
    ).toISOString();
    if (Date.parse(exceptionalExpiresAt) <= now.getTime()) {
      throw new BusinessRuleError(`the exceptional certificate regime ended on ${deps.exceptionalExpiresOn}`);
    }
  }
  const certificate: Certificate = {
    ...newCertificate(stored.dossier, company?.name ?? '', number, at, grant),
    conventionTermAt: conventionTermFrom(now, deps.calendar).toISOString(),
    ...(exceptionalExpiresAt ? { exceptionalExpiresAt } : {}),
  };
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
  await deps.storage.put(
    'evidence',
    certificateKey(stored.dossier.id, number),
    await certificatePdf(certificate),
    'application/pdf',
  );
  const status = certificate.withReservations ? 'certified_with_reservations' : 'certified';
  const dossier: Dossier = {
    ...transition(stored.dossier, status, deps.clock),
    certificate: {
      number,
      status: certificate.status,
      grantedAt: at,
      grantedBy: grant.grantedBy,
      withReservations: certificate.withReservations,
      conventionTermAt: certificate.conventionTermAt,
    },
  };
  const saved = await commitDossier(
    deps,
    stored,
    dossier,
    [
      {
        type: 'certificate_granted',
        actor: grant.actor,
        data: { number, grantedBy: grant.grantedBy, withReservations: certificate.withReservations, ...grant.data },
      },
    ],
    {
      certificates: [certificate, ...replacedUpdate],
      outbox: company
        ? [
            outboxMessage(
              `certificate:${number}`,
              'certificate_granted',
              [...companyRecipients(company), deps.ansMailbox],
              {
                ...aboutDossier(dossier),
                number,
                at,
                tacit: String(grant.grantedBy === 'tacit_acceptance'),
                reservations: grant.reservations?.join(' ; '),
              },
              at,
              dossier.id,
            ),
          ]
        : [],
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
    actor: SYSTEM_ACTOR,
    data: { decisionDueAt: clock.dueAt.toISOString(), legalBasis: clock.legalBasis },
  });
