/**
 * Whether the candidature's own documents (functional documentation, mandates) may still change —
 * be deposited again, replaced or withdrawn: while it is a draft, and during admissibility while an
 * information request is open (it asks for what is missing or wrong in the file). The service and
 * the portal read this one rule.
 */
export const candidatureDocumentsMayChange = (dossier: {
  status: string;
  infoRequests?: readonly { status: string; stage: string }[];
}): boolean =>
  dossier.status === 'draft' ||
  (dossier.status === 'admissibility_review' &&
    (dossier.infoRequests ?? []).some((r) => r.status === 'open' && r.stage === 'admissibility'));
