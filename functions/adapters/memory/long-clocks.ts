import type { LongClocks } from '../../domain/ports';

export class InMemoryLongClocks implements LongClocks {
  readonly schedules = new Map<string, { at: Date; certificateNumber: string }>();
  async schedule(name: string, at: Date, certificateNumber: string) {
    this.schedules.set(name, { at, certificateNumber });
  }
  async cancel(name: string) {
    this.schedules.delete(name);
  }
  async exists(name: string) {
    return this.schedules.has(name);
  }
}
