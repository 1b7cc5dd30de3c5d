import type { Dependencies } from '../container';
import type { Caller } from '../domain/caller';
import { companyRecipients, replaceLegalRepresentative, representativeInvite } from '../domain/company';
import { NotFoundError } from '../domain/errors';
import { outboxMessage } from '../domain/outbox';
import type { LegalRepresentativeInput } from '../domain/schemas';

/**
 * ANS support replaces a company's legal representative (the company's request, with its proof).
 * Input: the company's id, the new representative, the reason. Output: the company's entries.
 * Steps: load (404) → replace the entry (domain) → store it with one mail to the former and the
 * new addresses, which also disables and removes the former account and opens the new one, in one
 * write (the outbox: nothing is lost if the identity provider is down).
 */
export const replaceLegalRepresentativeUseCase = async (
  deps: Dependencies,
  _caller: Caller,
  companyId: string,
  input: LegalRepresentativeInput,
) => {
  const company = await deps.companies.get(companyId);
  if (!company) throw new NotFoundError('no such company');
  const { company: next, former, addressChanged } = replaceLegalRepresentative(company, input.legalRepresentative);
  const at = deps.clock.now().toISOString();
  const mail = outboxMessage(
    `company:${company.id}:legal-representative:${at}`,
    'legal_representative_replaced',
    [...new Set([...companyRecipients(next), former.email.toLowerCase()])],
    { companyName: company.name, reason: input.reason, at },
    at,
  );
  if (addressChanged) mail.revoke = { email: former.email, ensId: company.id };
  mail.invite = representativeInvite(next);
  await deps.companies.update(next, [mail]);
  return { id: next.id, legalRepresentative: next.legalRepresentative, contact: next.contact };
};
