import { randomUUID } from 'node:crypto';
import type { CompanyInput } from './schemas';
import { NotFoundError } from './errors';

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
}

export interface Company {
  id: string;
  name: string;
  siret?: string;
  vatNumber?: string;
  legalRepresentative: Person;
  contact: Person;
  createdAt: string;
}

/** The identifier that makes a company unique: one authorised representative per company. */
export const registrationKey = (company: Pick<Company, 'siret' | 'vatNumber'>): string =>
  company.siret ? `SIRET#${company.siret}` : `VAT#${company.vatNumber}`;

export const registerCompany = (input: CompanyInput, instant: Date, id: string = randomUUID()): Company => ({
  id,
  ...input,
  createdAt: instant.toISOString(),
});

/** The account the outbox opens for the company's legal representative (a candidate of the company). */
export const representativeInvite = (company: Company) => ({
  email: company.legalRepresentative.email,
  firstName: company.legalRepresentative.firstName,
  lastName: company.legalRepresentative.lastName,
  ensId: company.id,
});

/** Who receives the company's mail: its contact and its legal representative. */
export const companyRecipients = (company: Company): string[] => [
  ...new Set([company.contact.email, company.legalRepresentative.email].map((e) => e.toLowerCase())),
];

/** The roles a person holds in their company's record: found by their address, never by a claim. */
export const ownEntries = (company: Company, email: string | undefined) =>
  email
    ? (['legalRepresentative', 'contact'] as const).filter(
        (as) => company[as].email.toLowerCase() === email.toLowerCase(),
      )
    : [];

/**
 * ANS support records the company's new legal representative (on the company's request, with the
 * proof of the change): the entry is replaced — the former representative's name and address leave
 * the record — and the accounts follow through the outbox: the former one's is disabled and removed
 * from the company, the new one's opened. When the same person stays (a corrected address), only
 * the entry changes and the account is opened anew for the new address.
 */
export const replaceLegalRepresentative = (
  company: Company,
  person: Person,
): { company: Company; former: Person; addressChanged: boolean } => {
  const former = company.legalRepresentative;
  const addressChanged = former.email.toLowerCase() !== person.email.toLowerCase();
  // the contact was the representative themself (a small company): the contact entry follows
  const contact = company.contact.email.toLowerCase() === former.email.toLowerCase() ? person : company.contact;
  return { company: { ...company, legalRepresentative: person, contact }, former, addressChanged };
};

/**
 * A person corrects their own entry (RGPD art. 16): name and phone; the address is their account's
 * identity and changes only with the account. Both entries when they are both (a small company).
 */
export const correctOwnEntry = (
  company: Company | null,
  email: string | undefined,
  input: Partial<Pick<Person, 'firstName' | 'lastName' | 'phone'>>,
): { company: Company; corrected: ('legalRepresentative' | 'contact')[] } => {
  const corrected = company ? ownEntries(company, email) : [];
  if (!company || corrected.length === 0) throw new NotFoundError('your company has no entry with your address');
  const next = { ...company };
  for (const as of corrected) next[as] = { ...company[as], ...input };
  return { company: next, corrected };
};
