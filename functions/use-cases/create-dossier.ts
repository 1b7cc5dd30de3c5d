import { actorOf, type Caller } from '../domain/caller';
import { companyRecipients, type Company } from '../domain/company';
import { createDossier as newDossier, type Dossier } from '../domain/dossier';
import { dossierReference, referenceYear } from '../domain/dossier-reference';
import { ForbiddenError } from '../domain/errors';
import { aboutDossier, outboxMessage } from '../domain/outbox';
import type { DossierCreateInput } from '../domain/schemas';
import type { Dependencies } from '../container';
import { commitDossier } from './commit-dossier';

/** The mail that confirms a new draft and names its abandonment date. */
export const draftCreatedMail = (dossier: Dossier, company: Company) =>
  outboxMessage(
    `dossier:${dossier.id}:created`,
    'dossier_created',
    companyRecipients(company),
    { ...aboutDossier(dossier), dueAt: dossier.deadlines[0]?.dueAt ?? '' },
    dossier.createdAt,
    dossier.id,
  );

/** The next reference of the year, taken before the write: a creation that fails leaves a gap, never a duplicate. */
export const allocateDossierReference = async (deps: Dependencies) => {
  const year = referenceYear(deps.clock.now());
  return dossierReference(year, await deps.dossiers.allocateReference(year));
};

/**
 * Opens a draft candidature for the caller's company.
 * Input: validated draft fields, the calling candidate. Output: the stored dossier and version.
 * Steps: authorise (candidate of a registered company) → build draft → store with journal, mail
 * and the product key (409 when the product already has an open candidature) → start the
 * dossier's workflow (which runs the inactivity clock).
 */
export const createDossier = async (deps: Dependencies, caller: Caller, input: DossierCreateInput) => {
  const company = caller.ensId ? await deps.companies.get(caller.ensId) : null;
  if (!company) throw new ForbiddenError('your account is not attached to a registered company');
  const dossier = {
    ...newDossier(input, company.id, caller.sub, deps.clock.now(), undefined, await deps.referentials.current()),
    companyName: company.name,
    reference: await allocateDossierReference(deps),
  };
  const mail = draftCreatedMail(dossier, company);
  // known to the reconciler before anything can fail: a dossier whose execution never starts is found
  await deps.workflowState.expect(dossier.id, 1, deps.clock.now().toISOString());
  const stored = await commitDossier(
    deps,
    null,
    dossier,
    [{ type: 'dossier_created', actor: actorOf(caller), data: { product: dossier.product } }],
    { outbox: [mail] },
  );
  await deps.engine.start(dossier.id);
  return stored;
};
