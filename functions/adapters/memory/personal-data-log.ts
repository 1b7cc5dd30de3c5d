import type { PersonalDataLog, PersonalDataRequestKind } from '../../domain/ports';

export class InMemoryPersonalDataLog implements PersonalDataLog {
  readonly entries: { sub: string; at: string; kind: PersonalDataRequestKind }[] = [];
  async record(entry: { sub: string; at: string; kind: PersonalDataRequestKind }) {
    this.entries.push({ ...entry });
  }
  async list(sub: string) {
    return this.entries.filter((e) => e.sub === sub).map(({ at, kind }) => ({ at, kind }));
  }
}
