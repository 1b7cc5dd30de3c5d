/** What a file is deposited as: the candidature's documentation, a group member's mandate, a proof. */
export const UPLOAD_PURPOSES = ['functional_documentation', 'mandate', 'proof'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];
