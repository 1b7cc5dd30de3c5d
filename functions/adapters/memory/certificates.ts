import type { Certificate, CertificateStatus } from '../../domain/certificate';
import type { CertificateRepository } from '../../domain/ports';
import { clone, page } from './support';

export class InMemoryCertificates implements CertificateRepository {
  readonly certificates = new Map<string, Certificate>();
  private readonly sequences = new Map<number, number>();
  readonly clockIndex = new Map<string, string>();
  save(c: Certificate) {
    this.certificates.set(c.number, clone(c));
    this.clockIndex.set(c.number, c.updatedAt); // checked at once until its clock is scheduled
  }
  async erase(c: Certificate) {
    if (this.certificates.has(c.number)) this.certificates.set(c.number, clone(c));
  }
  async setClock(number: string, wakeAt: string | null) {
    if (!this.certificates.has(number)) return;
    if (wakeAt) this.clockIndex.set(number, wakeAt);
    else this.clockIndex.delete(number);
  }
  async *clocks() {
    const sorted = [...this.clockIndex.entries()].sort(([, a], [, b]) => a.localeCompare(b));
    for (const [number, wakeAt] of sorted) yield { number, wakeAt };
  }
  async allocateNumber(year: number) {
    const next = (this.sequences.get(year) ?? 0) + 1;
    this.sequences.set(year, next);
    return next;
  }
  async get(number: string) {
    const found = this.certificates.get(number);
    return found ? clone(found) : null;
  }
  async listPublic(limit: number, cursor?: string, statuses?: readonly CertificateStatus[]) {
    const all = [...this.certificates.values()]
      .filter((c) => !statuses || statuses.includes(c.status))
      .sort((a, b) => b.grantedAt.localeCompare(a.grantedAt));
    return page(all.map(clone), limit, cursor);
  }
}
