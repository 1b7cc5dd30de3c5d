import { randomUUID } from 'node:crypto';
import type { CompanyInput } from './schemas';

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

/** Who receives the company's mail: its contact and its legal representative. */
export const companyRecipients = (company: Company): string[] => [
  ...new Set([company.contact.email, company.legalRepresentative.email].map((e) => e.toLowerCase())),
];
