import type { Dossier, Requirements } from '../api/client';

/**
 * What a dossier waits for now, said once at the head of its page (issue 25: « no next-action
 * banner »): who acts, what, by when — read from the dossier as the service answered it (its
 * statuses, open requests, clocks), never from the browser's calendar. The page counts days from
 * the service's instant (`serviceNow`).
 */
export type Viewer = 'candidate' | 'staff';

export interface NextStep {
  /** who acts: the company (« Vous » to it, « Le candidat » to staff), ANS, the collège, or no one */
  actor: 'company' | 'ans' | 'college' | 'none';
  /** what they are to do, as a sentence */
  text: string;
  /** the instant it is due by, when a clock runs */
  dueAt?: string;
  /** the clock that runs is suspended (an information request is open): no date to count to */
  suspended?: boolean;
  /** the section of the page where it is done */
  anchor?: string;
}

export interface EvidenceCount {
  /** requirements that apply to the dossier */
  total: number;
  /** requirements with at least one file received */
  received: number;
  /** requirements whose latest reviewed file was found non compliant */
  nonCompliant: number;
  /** requirements whose latest reviewed file was found compliant */
  compliant: number;
}

const ACTOR_LABELS: Record<Viewer, Record<NextStep['actor'], string>> = {
  candidate: { company: 'À vous', ans: 'À l’ANS', college: 'Au collège', none: 'Dossier clos' },
  staff: { company: 'Au candidat', ans: 'À l’ANS', college: 'Au collège', none: 'Dossier clos' },
};

export const actorLabel = (step: NextStep, viewer: Viewer) => ACTOR_LABELS[viewer][step.actor];

const deadline = (dossier: Dossier, kind: Dossier['deadlines'][number]['kind']) =>
  dossier.deadlines.find((d) => d.kind === kind)?.dueAt;

/** Each requirement's latest review decides: a file replaced after a « non conforme » counts anew. */
export const countEvidence = (requirements: Requirements): EvidenceCount => {
  const all = requirements.sections.flatMap((s) => s.requirements);
  const latestReview = (r: (typeof all)[number]) =>
    r.proofs
      .filter((u) => u.status === 'received' && u.review)
      .sort((a, b) => a.review!.at.localeCompare(b.review!.at))
      .at(-1)?.review?.verdict;
  return {
    total: all.length,
    received: all.filter((r) => r.proofs.some((u) => u.status === 'received')).length,
    nonCompliant: all.filter((r) => latestReview(r) === 'non_compliant').length,
    compliant: all.filter((r) => latestReview(r) === 'compliant').length,
  };
};

/** « 17/18 exigences pourvues, 1 non conforme » */
export const formatEvidenceCount = (count: EvidenceCount) =>
  [
    `${count.received}/${count.total} exigence${count.total > 1 ? 's pourvues' : ' pourvue'}`,
    ...(count.compliant ? [`${count.compliant} conforme${count.compliant > 1 ? 's' : ''}`] : []),
    ...(count.nonCompliant ? [`${count.nonCompliant} non conforme${count.nonCompliant > 1 ? 's' : ''}`] : []),
  ].join(', ');

/** The decision clock's step for ANS or the collège: its date, or « suspendu » while it is. */
const decisionStep = (dossier: Dossier, actor: 'ans' | 'college', text: string): NextStep => {
  const clock = dossier.decisionClock;
  if (clock?.state === 'suspended') return { actor, text, suspended: true };
  return { actor, text, dueAt: clock?.dueAt ?? deadline(dossier, 'decision') };
};

export const nextStep = (dossier: Dossier, requirements: Requirements | undefined, viewer: Viewer): NextStep => {
  const company = viewer === 'candidate';
  const request = dossier.infoRequests.find((r) => r.status === 'open');
  if (request)
    return {
      actor: 'company',
      text: company
        ? 'Répondre à la demande de pièces complémentaires de l’ANS.'
        : 'Répondre à la demande de pièces complémentaires.',
      dueAt: request.dueAt,
      anchor: `request-${request.id}`,
    };
  const counted = requirements ? countEvidence(requirements) : undefined;
  switch (dossier.status) {
    case 'draft':
      return {
        actor: 'company',
        text: company ? 'Compléter la candidature, puis la déposer.' : 'Compléter et déposer la candidature.',
        dueAt: deadline(dossier, 'inactivity_abandonment'),
        anchor: 'draft',
      };
    case 'admissibility_review':
      return { actor: 'ans', text: 'Examiner la recevabilité de la candidature.' };
    case 'proofs_deposit':
      return {
        actor: 'company',
        // the counters follow on the banner's own line
        text: 'Déposer une preuve pour chaque exigence et remettre chaque section.',
        dueAt: deadline(dossier, 'inactivity_abandonment'),
        anchor: 'evidence',
      };
    case 'instruction': {
      if (counted?.nonCompliant)
        return {
          actor: 'company',
          text: `Remplacer les preuves jugées non conformes (${counted.nonCompliant}).`,
          anchor: 'evidence',
          ...(dossier.decisionClock?.state === 'suspended' ? {} : { dueAt: dossier.decisionClock?.dueAt }),
        };
      const insDue = dossier.profiles.some((p) => p.startsWith('identity')) && !dossier.insTestDay?.proposedDate;
      if (insDue)
        return {
          actor: 'company',
          text: 'Proposer une date pour la journée de test INS.',
          dueAt: dossier.insTestDueAt ?? deadline(dossier, 'ins_test_day'),
          anchor: 'ins',
        };
      return decisionStep(dossier, 'ans', 'Instruire le dossier et vérifier chaque preuve.');
    }
    case 'convention_pending':
      return {
        actor: 'company',
        text: 'Signer la convention de certification.',
        dueAt: deadline(dossier, 'convention_signature'),
        anchor: 'convention',
      };
    case 'college_pending':
      return decisionStep(dossier, 'college', 'Statuer sur la certification.');
    default: {
      // closed: a decision still to be received is the company's last step
      if (dossier.decision && !dossier.decision.receivedAt)
        return {
          actor: 'company',
          text: company ? 'Accuser réception de la décision.' : 'Accuser réception de la décision (le candidat).',
          anchor: 'decision',
        };
      const appealUntil = dossier.decision?.appeal.until;
      if (dossier.certificate)
        return {
          actor: 'none',
          text: 'Certificat délivré : sa vie (échéances, courriers de l’ANS) se suit sur sa page.',
          anchor: 'certificate',
          ...(appealUntil ? { dueAt: appealUntil } : {}),
        };
      return {
        actor: 'none',
        text:
          appealUntil && dossier.decision?.receivedAt
            ? 'Plus aucune étape : la décision peut faire l’objet d’un recours.'
            : 'Plus aucune étape.',
        ...(appealUntil ? { dueAt: appealUntil } : {}),
      };
    }
  }
};
