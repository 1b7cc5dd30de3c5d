import { allocateDossierReference } from './create-dossier';
import { DOSSIER_FIELD_NAMES, type DossierCreateInput } from '../domain/schemas';
import { actorOf, type Caller } from '../domain/caller';
import { createDossier as newDossier } from '../domain/dossier';
import { NotFoundError } from '../domain/errors';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';
import { draftCreatedMail } from './create-dossier';

/**
 * Input: the certificate number, the candidate, an optional new product version. Output: the new
 * draft, linked to the certificate it renews. Steps: authorise (the holder; 404 otherwise) → copy
 * every candidature field (one list) onto a draft on the current referential → store with its
 * journal and mail → start its workflow.
 */

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
  const certificate = await deps.certificates.get(number);
  if (!certificate || certificate.companyId !== caller.ensId) throw new NotFoundError('no such certificate');
  const previous = await deps.dossiers.get(certificate.dossierId);
  const company = await deps.companies.get(certificate.companyId);
  if (!previous || !company) throw new NotFoundError('the certificate’s candidature is missing');
  const p = previous.dossier;
  const dossier = {
    ...newDossier(
      {
        // every field of the candidature is carried over (one list: DOSSIER_FIELD_NAMES)
        ...(Object.fromEntries(
          DOSSIER_FIELD_NAMES.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]),
        ) as DossierCreateInput),
        product: { name: p.product.name, version: overrides.productVersion ?? p.product.version },
      },
      company.id,
      caller.sub,
      deps.clock.now(),
      undefined,
      await deps.referentials.current(),
    ),
    companyName: company.name,
    reference: await allocateDossierReference(deps),
    renewalOf: number,
  };
  // known to the reconciler before anything can fail: a dossier whose execution never starts is found
  await deps.workflowState.expect(dossier.id, 1, deps.clock.now().toISOString());
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
