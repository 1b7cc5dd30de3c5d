import { SYSTEM_ACTOR } from '../domain/caller';
import { certificateNumber, newCertificate } from '../domain/certificate';
import type { RunningClock } from '../domain/clocks';
import { companyRecipients } from '../domain/company';
import { transition, type Dossier } from '../domain/dossier';
import type { Actor } from '../domain/journal';
import { outboxMessage } from '../domain/outbox';
import type { StoredDossier } from '../domain/ports';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { certificatePdf } from '../documents/pdf';

export const certificateKey = (dossierId: string, number: string) => `dossiers/${dossierId}/certificate/${number}.pdf`;

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
  const certificate = newCertificate(stored.dossier, company?.name ?? '', number, at, grant);
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
      certificates: [certificate],
      outbox: company
        ? [
            outboxMessage(
              `certificate:${number}`,
              'certificate_granted',
              [...companyRecipients(company), deps.ansMailbox],
              {
                productName: dossier.product.name,
                productVersion: dossier.product.version,
                dossierId: dossier.id,
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
  return { saved, certificate };
};

/** R.1470-4: no decision notified when the decision clock ran out — silence is acceptance. */
export const grantByTacitAcceptance = async (deps: Dependencies, stored: StoredDossier, clock: RunningClock) =>
  grantCertificate(deps, stored, {
    grantedBy: 'tacit_acceptance',
    actor: SYSTEM_ACTOR,
    data: { decisionDueAt: clock.dueAt.toISOString(), legalBasis: clock.legalBasis },
  });
