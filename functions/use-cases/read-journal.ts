import { assertCanSee, isStaff, type Caller } from '../domain/caller';
import { journalRefs, verifyChain, type JournalEvent } from '../domain/journal';
import type { Dependencies } from '../container';

/**
 * A dossier's journal, with its chain recomputed on every read: anyone entitled to the dossier
 * (its company, ANS staff) can see that no event was edited, removed or inserted.
 * Input: dossier id. Output: the events (seq, type, instant, actor, the ids of what each is about,
 * hashes), the stored head, and
 * `verified` — false, with the first broken link, when an event or the head does not match.
 * Staff user ids are not shown to candidates: they see the role.
 */
export const readJournal = async (deps: Dependencies, caller: Caller, id: string) => {
  const stored = await deps.dossiers.get(id);
  assertCanSee(caller, stored?.dossier);
  const events = await deps.dossiers.journal(id);
  const broken = verifyChain(events);
  const last = events.at(-1);
  const head = stored!.journalHead;
  const headMatches = last ? head.seq === last.seq && head.hash === last.hash : head.seq === 0;
  const staff = isStaff(caller);
  const actorShown = (e: JournalEvent) =>
    staff || e.actor.role === 'candidate' || e.actor.sub === 'system' ? e.actor : { role: e.actor.role };
  return {
    items: events.map((e) => {
      const refs = journalRefs(e.data);
      return {
        seq: e.seq,
        type: e.type,
        at: e.at,
        actor: actorShown(e),
        ...(Object.keys(refs).length ? { refs } : {}),
        hash: e.hash,
        prevHash: e.prevHash,
        ...(e.timestamp ? { timestamp: e.timestamp } : {}),
      };
    }),
    head,
    verified: broken === -1 && headMatches,
    ...(broken !== -1 ? { firstBrokenSeq: events[broken]!.seq } : !headMatches ? { firstBrokenSeq: head.seq } : {}),
  };
};
