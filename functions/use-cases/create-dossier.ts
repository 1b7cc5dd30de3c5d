import { actorOf, requireRole, type Caller } from '../domain/caller';
import { companyRecipients } from '../domain/company';
import { createDossier as newDossier } from '../domain/dossier';
import { ForbiddenError } from '../domain/errors';
import { appendEvents, GENESIS } from '../domain/journal';
import { outboxMessage } from '../domain/outbox';
import type { DossierCreateInput } from '../domain/schemas';
import type { Dependencies } from '../container';

/**
 * Opens a draft candidature for the caller's company.
 * Input: validated draft fields, the calling candidate. Output: the stored dossier and version.
 * Steps: authorise (candidate of a registered company) → build draft → store with journal and
 * mail → start the dossier's workflow (which runs the inactivity clock).
 */
export const createDossier = async (deps: Dependencies, caller: Caller, input: DossierCreateInput) => {
  requireRole(caller, ['candidate']);
  const company = caller.ensId ? await deps.companies.get(caller.ensId) : null;
  if (!company) throw new ForbiddenError('your account is not attached to a registered company');
  const dossier = newDossier(input, company.id, caller.sub, deps.clock);
  const { events, head } = appendEvents(GENESIS, [
    {
      dossierId: dossier.id,
      type: 'dossier_created',
      at: dossier.createdAt,
      actor: actorOf(caller),
      data: { product: dossier.product },
    },
  ]);
  const mail = outboxMessage(
    `dossier:${dossier.id}:created`,
    'dossier_created',
    companyRecipients(company),
    {
      productName: dossier.product.name,
      productVersion: dossier.product.version,
      dossierId: dossier.id,
      dueAt: dossier.deadlines[0]?.dueAt,
    },
    dossier.createdAt,
    dossier.id,
  );
  const stored = await deps.dossiers.create({ dossier, events, head, outbox: [mail] });
  await deps.engine.start(dossier.id);
  return stored;
};
