/**
 * What a file is deposited as: the candidature's documentation, a group member's mandate, a proof,
 * or a file joined to the answer to an information request (API.md [1.2]).
 */
export const UPLOAD_PURPOSES = ['functional_documentation', 'mandate', 'proof', 'answer'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
