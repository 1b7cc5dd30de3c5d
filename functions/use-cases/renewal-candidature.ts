import { actorOf, requireRole, type Caller } from '../domain/caller';
import { createDossier as newDossier } from '../domain/dossier';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { draftCreatedMail } from './create-dossier';

/**
 * A renewal candidature (substantial change, new referential version): a new draft prefilled
 * from the candidature that obtained the certificate, linked to the certificate it replaces,
 * on the current referential version.
 */
export const createRenewalCandidature = async (
  deps: Dependencies,
  caller: Caller,
  number: string,
  overrides: { productVersion?: string },
) => {
  requireRole(caller, ['candidate']);
  const certificate = await deps.certificates.get(number);
  if (!certificate || certificate.companyId !== caller.ensId) throw new NotFoundError('no such certificate');
  const previous = await deps.dossiers.get(certificate.dossierId);
  const company = await deps.companies.get(certificate.companyId);
  if (!previous || !company) throw new NotFoundError('the certificate’s candidature is missing');
  const p = previous.dossier;
  const dossier = {
    ...newDossier(
      {
        product: { name: p.product.name, version: overrides.productVersion ?? p.product.version },
        useCase: p.useCase,
        profiles: p.profiles,
        ...(p.plannedCompleteProofDate ? { plannedCompleteProofDate: p.plannedCompleteProofDate } : {}),
        ...(p.publishPlannedDate !== undefined ? { publishPlannedDate: p.publishPlannedDate } : {}),
        ...(p.nie ? { nie: p.nie } : {}),
        ...(p.nil ? { nil: p.nil } : {}),
        ...(p.deployedInTeleconsultationCompany !== undefined
          ? { deployedInTeleconsultationCompany: p.deployedInTeleconsultationCompany }
          : {}),
        ...(p.commitment !== undefined ? { commitment: p.commitment } : {}),
        components: p.components,
        ...(p.group ? { group: p.group } : {}),
      },
      company.id,
      caller.sub,
      deps.clock,
      undefined,
      await deps.referentials.current(),
    ),
    renewalOf: number,
  };
  const stored = await commitDossier(
    deps,
    null,
    dossier,
    [
      {
        type: 'dossier_created',
        actor: actorOf(caller),
        data: { product: dossier.product, renewalOf: number, prefilledFrom: p.id },
      },
    ],
    {
      outbox: [draftCreatedMail(dossier, company)],
    },
  );
  await deps.engine.start(dossier.id);
  return stored;
};
