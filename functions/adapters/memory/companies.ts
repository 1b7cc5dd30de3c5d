import { ConflictError } from '../../domain/errors';
import type { Company } from '../../domain/company';
import type { OutboxMessage } from '../../domain/outbox';
import type { CompanyRepository } from '../../domain/ports';
import type { InMemoryOutbox } from './work-queue';
import { clone } from './support';

export class InMemoryCompanies implements CompanyRepository {
  readonly companies = new Map<string, Company>();
  constructor(private readonly outbox?: InMemoryOutbox) {}
  async create(company: Company, outbox: OutboxMessage[] = []) {
    const key = company.siret ?? company.vatNumber;
    if ([...this.companies.values()].some((c) => (c.siret ?? c.vatNumber) === key))
      throw new ConflictError('this company already has an account');
    this.companies.set(company.id, clone(company));
    for (const m of outbox) this.outbox?.add(m);
  }
  async update(company: Company, outbox: OutboxMessage[] = []) {
    if (!this.companies.has(company.id)) throw new Error('no such company to update');
    this.companies.set(company.id, clone(company));
    for (const m of outbox) this.outbox?.add(m);
  }
  async get(id: string) {
    const found = this.companies.get(id);
    return found ? clone(found) : null;
  }
}
