/**
 * What a file is deposited as: the candidature's documentation, a group member's mandate, a proof,
 * a file joined to the answer to an information request (API.md [1.2]), or a file attached to a
 * message of the dossier's thread (an extension: README « Extensions of the contract »).
 */
export const UPLOAD_PURPOSES = ['functional_documentation', 'mandate', 'proof', 'answer', 'attachment'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
