import { ConflictError } from '../../domain/errors';
import type { Referential, ReferentialStore } from '../../domain/ports';
import { CURRENT_REFERENTIAL_VERSION } from '../../domain/dossier';
import { SHIPPED_REFERENTIALS } from '../../domain/referentials';

export class InMemoryReferentials implements ReferentialStore {
  private readonly imported = new Map<string, Referential>();
  private currentVersion = CURRENT_REFERENTIAL_VERSION;
  async get(version: string) {
    return SHIPPED_REFERENTIALS[version] ?? this.imported.get(version) ?? null;
  }
  async put(referential: Referential) {
    if (SHIPPED_REFERENTIALS[referential.version] || this.imported.has(referential.version))
      throw new ConflictError(`the referential ${referential.version} already exists`);
    this.imported.set(referential.version, referential);
  }
  async current() {
    return this.currentVersion;
  }
  async setCurrent(version: string) {
    this.currentVersion = version;
  }
}
