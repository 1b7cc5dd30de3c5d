import { createHash } from 'node:crypto';
import { inMemoryDependencies } from '../../functions/adapters/memory/in-memory-dependencies';
import type { Caller } from '../../functions/domain/caller';
import type { Dependencies } from '../../functions/container';
import { registerCompany } from '../../functions/use-cases/register-company';
import { createDossier } from '../../functions/use-cases/create-dossier';
import { requestUpload } from '../../functions/use-cases/request-upload';
import { receiveUpload } from '../../functions/use-cases/receive-upload';
import { submitDossier } from '../../functions/use-cases/submit-dossier';
import { decideAdmissibility } from '../../functions/use-cases/decide-admissibility';
import { getRequirements, submitSection } from '../../functions/use-cases/evidence';
import { reviewProof } from '../../functions/use-cases/instruction';
import { loadDossier } from '../../functions/use-cases/legal-effects';
import { candidatureBody, companyBody, siret } from './api-client';

/**
 * The procedure driven through the use cases over in-memory ports: what the e2e journeys do over
 * HTTP, in milliseconds, for use-case tests.
 */
export const callers = {
  admin: { sub: 'support', roles: ['admin'] } as Caller,
  instructor: { sub: 'instructor-1', roles: ['instructor'] } as Caller,
  security: { sub: 'secu-1', roles: ['security_reviewer'] } as Caller,
  college: { sub: 'college-1', roles: ['college'] } as Caller,
  candidate: (companyId: string): Caller => ({ sub: `cand-${companyId}`, roles: ['candidate'], ensId: companyId }),
};

/** The caller just signed in (its token's `auth_time` is now): acts that need a recent sign-in accept it. */
export const signedInNow = (caller: Caller, deps: Dependencies): Caller => ({
  ...caller,
  authenticatedAt: deps.clock.now().toISOString(),
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('base64');

/** Grants an upload, lands the announced bytes in storage, and lets the object-created check settle it. */
export const depositFile = async (
  deps: Dependencies,
  candidate: Caller,
  dossierId: string,
  options: {
    purpose?: 'functional_documentation' | 'mandate' | 'proof' | 'attachment';
    requirementId?: string;
    text?: string;
  } = {},
) => {
  const bytes = Buffer.from(`%PDF-1.4 ${options.text ?? 'documentation'}`);
  const grant = await requestUpload(deps, candidate, dossierId, {
    purpose: options.purpose ?? 'functional_documentation',
    ...(options.requirementId ? { requirementId: options.requirementId } : {}),
    fileName: 'document.pdf',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: sha256(bytes),
  });
  const upload = await deps.dossiers.getUpload(dossierId, grant.uploadId);
  const storage = deps.storage as unknown as { land: (s: string, k: string, o: object) => void };
  storage.land(upload!.store, upload!.key, {
    size: bytes.length,
    sha256: sha256(bytes),
    contentType: 'application/pdf',
    body: bytes,
  });
  const outcome = await receiveUpload(deps, upload!.store, upload!.key);
  return { uploadId: grant.uploadId, outcome };
};

/** A registered company with a submitted, admissible candidature (evidence deposit open). */
export const admissibleDossier = async (now = '2026-03-02T09:00:00Z', seed = 1) => {
  const world = inMemoryDependencies(now);
  return { ...world, ...(await admissibleDossierIn(world, seed)) };
};

/** Another company's admissible candidature, in a world that already exists. */
/** A company and its candidature, submitted: it awaits the admissibility decision. */
export const submittedDossierIn = async ({ deps }: { deps: Dependencies }, seed: number) => {
  const company = await registerCompany(deps, callers.admin, companyBody(siret(seed), `m${seed}`) as never);
  const companyId = (company as { id: string }).id;
  const candidate = callers.candidate(companyId);
  await deps.members.bind(candidate.sub, companyId);
  const stored = await createDossier(deps, candidate, candidatureBody(`Produit ${seed}`));
  const id = stored.dossier.id;
  await depositFile(deps, candidate, id);
  await submitDossier(deps, candidate, id);
  return { id, companyId, candidate };
};

export const admissibleDossierIn = async (w: { deps: Dependencies }, seed: number) => {
  const submitted = await submittedDossierIn(w, seed);
  await decideAdmissibility(w.deps, callers.instructor, submitted.id, { decision: 'admissible' });
  return submitted;
};

/** Every applicable requirement gets a received proof and every section is handed in: instruction. */
export const completeFile = async (deps: Dependencies, candidate: Caller, id: string) => {
  const requirements = await getRequirements(deps, candidate, id);
  const proofs: Record<string, string> = {};
  for (const section of requirements.sections)
    for (const requirement of section.requirements)
      proofs[requirement.id] = (
        await depositFile(deps, candidate, id, {
          purpose: 'proof',
          requirementId: requirement.id,
          text: requirement.id,
        })
      ).uploadId;
  for (const section of requirements.sections) await submitSection(deps, candidate, id, section.id);
  return { proofs, sections: requirements.sections };
};

/** Every proof judged compliant (sensitive ones by a security reviewer). */
export const reviewAll = async (
  deps: Dependencies,
  id: string,
  proofs: Record<string, string>,
  sensitive: string[],
) => {
  for (const [requirementId, uploadId] of Object.entries(proofs))
    await reviewProof(deps, sensitive.includes(requirementId) ? callers.security : callers.instructor, id, uploadId, {
      verdict: 'compliant',
    });
};

/** A complete file left unanswered past its decision deadline: a certificate granted by silence. */
export const certifiedBySilence = async (seed: number, now = '2026-03-02T09:00:00Z') => {
  const w = await admissibleDossier(now, seed);
  await completeFile(w.deps, w.candidate, w.id);
  const due = (await w.deps.dossiers.get(w.id))!.dossier.decisionDueAt!;
  w.clock.set(new Date(Date.parse(due) + 1000).toISOString());
  const dossier = (await loadDossier(w.deps, w.id))!.dossier;
  return { ...w, number: dossier.certificate!.number };
};
