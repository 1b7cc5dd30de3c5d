import type { AnchoredHead, JournalAnchor } from '../../domain/journal-anchor';
import type { JournalAnchors } from '../../domain/ports';
import type { InMemoryDossiers } from './dossiers';
import { clone } from './support';

export class InMemoryJournalAnchors implements JournalAnchors {
  readonly anchors = new Map<string, JournalAnchor>();

  constructor(private readonly dossiers: InMemoryDossiers) {}

  async get(day: string) {
    const found = this.anchors.get(day);
    return found ? clone(found) : null;
  }

  async latest() {
    const days = [...this.anchors.keys()].sort();
    return days.length ? clone(this.anchors.get(days.at(-1)!)!) : null;
  }

  async save(anchor: JournalAnchor) {
    if (this.anchors.has(anchor.day)) return false;
    this.anchors.set(anchor.day, clone(anchor));
    return true;
  }

  async *allHeads(): AsyncIterable<AnchoredHead> {
    for (const [dossierId, stored] of this.dossiers.stored) yield { dossierId, head: clone(stored.journalHead) };
  }
}
