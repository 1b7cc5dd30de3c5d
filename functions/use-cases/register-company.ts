import { companyRecipients, registerCompany as newCompany, representativeInvite } from '../domain/company';
import type { Caller } from '../domain/caller';
import { outboxMessage } from '../domain/outbox';
import type { CompanyInput } from '../domain/schemas';
import type { Dependencies } from '../container';

/**
 * Registers a company (ENS) from ANS support's account request form.
 * Input: validated company fields, the calling admin. Output: the new company's id.
 * Steps: authorise (admin) → build → store with its uniqueness key and welcome mail (one transaction).
 */
export const registerCompany = async (deps: Dependencies, caller: Caller, input: CompanyInput) => {
  const company = newCompany(input, deps.clock.now());
  const welcome = outboxMessage(
    `company:${company.id}`,
    'company_registered',
    companyRecipients(company),
    { companyName: company.name },
    company.createdAt,
  );
  // the account is opened by the outbox too, so a registration is never left without it
  welcome.invite = representativeInvite(company);
  await deps.companies.create(company, [welcome]);
  return { id: company.id };
};
