import type { Dependencies } from '../container';
import type { Caller } from '../domain/caller';
import { correctOwnEntry, ownEntries } from '../domain/company';
import { assertPerson } from '../domain/api-clients';
import type { JournalEvent } from '../domain/journal';
import type { Message } from '../domain/message';

/** At most this many acts in one export (a person's whole history on the platform is far less). */
const MAX_ACTS = 10_000;

/**
 * A person's own data (RGPD art. 15 and 20; API.md [1.2] « A person's own data »): what the
 * platform holds about the caller and nothing of anyone else — their account, the company entries
 * that are theirs (matched by their address), the dossiers they acted on and what they did there,
 * the messages they wrote, the notifications addressed to them, the files they downloaded, and
 * their earlier requests. The request itself is recorded first (no export without its record).
 * Steps: record → load the caller's acts and company → gather → answer.
 */
export const exportMyData = async (deps: Dependencies, caller: Caller) => {
  const now = deps.clock.now().toISOString();
  const earlier = await deps.personalDataLog.list(caller.sub);
  await deps.personalDataLog.record({ sub: caller.sub, at: now, kind: 'export' });
  const acts = await deps.dossiers.eventsByActor(caller.sub, MAX_ACTS);
  const companyId =
    caller.ensId ?? (caller.roles.includes('candidate') ? await deps.members.companyOf(caller.sub) : null);
  const company = companyId ? await deps.companies.get(companyId) : null;
  const entries = company ? ownEntries(company, caller.email).map((as) => ({ as, person: company[as] })) : [];

  const dossierIds = [...new Set(acts.map((a) => a.dossierId))];
  // the company's notifications reach its contact and legal representative: theirs if they are one
  const addressee = entries.length > 0;
  const companyDossiers = addressee && company ? await allOfCompany(deps, company.id) : [];
  const ids = [...new Set([...dossierIds, ...companyDossiers.map((d) => d.id)])];
  const dossiers = [];
  const messages: { dossierId: string; at: string; body: string }[] = [];
  const notifications: { dossierId: string; kind: string; issuedAt: string; receivedAt?: string }[] = [];
  for (const id of ids) {
    const stored = await deps.dossiers.get(id);
    if (!stored) continue;
    const d = stored.dossier;
    if (dossierIds.includes(id)) {
      dossiers.push({
        id: d.id,
        product: d.product,
        status: d.status,
        createdAt: d.createdAt,
        createdByYou: d.createdBy === caller.sub,
        ...(d.convention?.signedBy === caller.sub
          ? { conventionSigned: { signatoryName: d.convention.signatoryName, signedAt: d.convention.signedAt } }
          : {}),
      });
      for (const m of await allMessages(deps, id))
        if (m.from.sub === caller.sub) messages.push({ dossierId: id, at: m.at, body: m.body });
    }
    if (addressee && d.companyId === company?.id)
      for (const n of d.notifications ?? [])
        notifications.push({
          dossierId: id,
          kind: n.kind,
          issuedAt: n.issuedAt,
          ...(n.receivedAt ? { receivedAt: n.receivedAt } : {}),
        });
  }
  return {
    generatedAt: now,
    person: {
      sub: caller.sub,
      roles: caller.roles,
      ...(caller.email ? { email: caller.email } : {}),
      ...(companyId ? { companyId } : {}),
    },
    companies: company
      ? [
          {
            id: company.id,
            name: company.name,
            as: entries.map((e) => e.as),
            ...(entries[0] ? { person: entries[0].person } : {}),
          },
        ]
      : [],
    dossiers,
    messages,
    notifications,
    downloads: acts
      .filter((a) => a.type === 'evidence_downloaded')
      .map((a) => ({ dossierId: a.dossierId, at: a.at, uploadId: String(a.data.uploadId ?? '') })),
    acts: acts.map(actView),
    requests: [...earlier, { at: now, kind: 'export' as const }],
  };
};

const actView = (e: JournalEvent) => ({ dossierId: e.dossierId, seq: e.seq, type: e.type, at: e.at });

const allOfCompany = async (deps: Dependencies, companyId: string) => {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await deps.dossiers.listByCompany(companyId, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

const allMessages = async (deps: Dependencies, dossierId: string) => {
  const all: Message[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.dossiers.messages(dossierId, 100, cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
};

/**
 * A person corrects their own entry in their company's record (RGPD art. 16): name, phone.
 * Steps: authorise (a person, not an API client) → rule (their entries, by their address) → store →
 * record the request → answer the corrected entries.
 */
export const correctMyContact = async (
  deps: Dependencies,
  caller: Caller,
  input: { firstName?: string; lastName?: string; phone?: string },
) => {
  assertPerson(caller);
  const company = caller.ensId ? await deps.companies.get(caller.ensId) : null;
  const { company: next, corrected } = correctOwnEntry(company, caller.email, input);
  await deps.companies.update(next);
  await deps.personalDataLog.record({ sub: caller.sub, at: deps.clock.now().toISOString(), kind: 'rectification' });
  return { items: corrected.map((as) => ({ as, person: next[as] })) };
};
