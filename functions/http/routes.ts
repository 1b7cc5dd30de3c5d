/**
 * Every HTTP route, once: CDK creates a function and an API route from each entry, and the
 * local server dispatches to the same handler module. `auth: false` routes are public.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** kebab-case file name under functions/http/handlers */
  handler: string;
  auth: boolean;
  /**
   * Who may call it (checked once, by the handler wrapper, before anything is read): a token with
   * several roles acts with its least privileged one unless `multiRole` says otherwise.
   */
  roles?: readonly Role[];
  multiRole?: boolean;
  /** what the operation does, in a line (the OpenAPI document's summary) */
  summary: string;
  /** the success answer: status, description and schema (checked against every 2xx in the integration suites) */
  /** what it answers on success: an entry of `RESPONSES` (response-schemas.ts) */
  response: ResponseName;
  /** the route reads `If-Match` (428 without it): published as a required header */
  ifMatch?: boolean;
  /** the request body, parsed by the wrapper before the handler runs (400/413/415) and published as is */
  body?: z.ZodType;
  /** the body may be left out (the wrapper parses it only when present) */
  optionalBody?: boolean;
  /** the query parameters the handler reads, as published */
  query?: readonly QueryParameter[];
  /** what the function touches, for least-privilege grants */
  access: {
    /** `journal`: reads everything, writes only journal requests (downloads) */
    table?: 'read' | 'write' | 'journal';
    workflow?: boolean;
    /**
     * put / get / delete: uploaded evidence, both buckets (the sensitive one included);
     * multipart: a file sent in parts (its parts listed, the file assembled);
     * read-documents: generated PDFs, in the ordinary evidence bucket only (the document function
     * alone writes them).
     */
    evidence?: 'put' | 'multipart' | 'get' | 'get-sensitive' | 'delete' | 'read-documents';
    schedules?: boolean;
    /** reads the public trust material (the seal's and the timestamp authority's certificates) */
    trustMaterial?: boolean;
    /** creates and deletes the companies' API clients at the identity provider (Cognito app clients) */
    apiClients?: boolean;
    /** records a person's request for their own data (PutItem on `PERSONLOG#` only) */
    personalDataLog?: boolean;
    /**
     * The command applies the legal effects already due (DESIGN.md §3) on a dossier that may be
     * in instruction: tacit acceptance issues a certificate (its long clock; its PDF is a job).
     */
    legalEffects?: boolean;
  };
}

import type * as z from 'zod';
import { ROLES } from '../domain/roles';
import { STAFF_NOTE_ROLES } from '../domain/staff-notes';
import {
  admissibilitySchema,
  closeNoticeSchema,
  collegeDecisionSchema,
  companyInputSchema,
  completeInstructionSchema,
  conventionSignSchema,
  dossierCreateSchema,
  dossierPatchSchema,
  formalNoticeSchema,
  infoRequestAnswerSchema,
  infoRequestSchema,
  receiptRecordSchema,
  nonRenewalSchema,
  withdrawSchema,
  insTestOutcomeSchema,
  insTestProposalSchema,
  messageSchema,
  noticeResponseSchema,
  observationsNoticeSchema,
  observationsSchema,
  reinstateSchema,
  sanctionSchema,
  referentialImportSchema,
  renewalCandidatureSchema,
  apiClientCreateSchema,
  contactCorrectionSchema,
  legalRepresentativeSchema,
  staffNoteSchema,
  assignmentSchema,
  webhookCreateSchema,
  reviewSchema,
  abandonDossierSchema,
  renewalRequiredSchema,
  substantialChangeSchema,
  terminateSchema,
  uploadRequestSchema,
  type Role,
} from '../domain/schemas';
// by name: the schemas stay out of the functions' bundles (the document and the tests read them)
import type { ResponseName } from './response-schemas';
import { ENDED_STATUSES } from '../domain/certificate';
import { QUEUE_STAGES } from '../domain/queue-stages';

/** A query parameter as OpenAPI 3.1 states it. */
export interface QueryParameter {
  name: string;
  in: 'query';
  required: boolean;
  schema: Record<string, unknown>;
}

// No spread (`[...x]`) in these declarations: esbuild cannot prove a spread free of side effects,
// so it would keep the route, and the schemas it names, in every function's bundle.
const limitQuery: QueryParameter = {
  name: 'limit',
  in: 'query',
  required: false,
  schema: { type: 'integer', minimum: 1, maximum: 100 },
};
const cursorQuery: QueryParameter = {
  name: 'cursor',
  in: 'query',
  required: false,
  schema: { type: 'string', maxLength: 2048 },
};
const pageQuery: readonly QueryParameter[] = [limitQuery, cursorQuery];
const stageQuery: QueryParameter = {
  name: 'stage',
  in: 'query',
  required: true,
  schema: { type: 'string', enum: QUEUE_STAGES },
};
/** The published list shows certificates in force; this asks for the ones that ended one way. */
const endedStatusQuery: QueryParameter = {
  name: 'status',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: ENDED_STATUSES },
};
const formatQuery: QueryParameter = {
  name: 'format',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: ['csv', 'xlsx'] },
};

/**
 * The company and ANS's staff, but not the security reviewer: a reviewer sees what a review needs
 * and no more — its own routes below (issue 23, separation of duties).
 */
const ANYONE: readonly Role[] = ['candidate', 'instructor', 'college', 'admin'];
const EVERY_ROLE: readonly Role[] = ROLES;
const SECURITY_REVIEWER: readonly Role[] = ['security_reviewer'];
const CANDIDATE: readonly Role[] = ['candidate'];
const INSTRUCTOR: readonly Role[] = ['instructor'];

/** a command on a dossier under instruction: legal effects first may grant by tacit acceptance */
const DOSSIER_COMMAND: RouteSpec['access'] = { table: 'write', workflow: true, legalEffects: true };

/** certificate actions write the dossier and its journal, and (re)schedule the long clocks */
const CERTIFICATE_ACCESS: RouteSpec['access'] = { table: 'write', workflow: true, schedules: true };

export const health = {
  method: 'GET',
  path: '/health',
  handler: 'health',
  auth: false,
  access: {},
  summary: 'Health check',
  response: 'health',
} as const satisfies RouteSpec;

export const openapi = {
  method: 'GET',
  path: '/v1/openapi.json',
  handler: 'openapi',
  auth: false,
  access: {},
  summary: 'This OpenAPI document',
  response: 'openapi',
} as const satisfies RouteSpec;

export const createCompany = {
  method: 'POST',
  path: '/v1/companies',
  handler: 'create-company',
  auth: true,
  roles: ['admin'],
  access: { table: 'write' },
  summary: 'Register a company (ENS)',
  response: 'createCompany',
  body: companyInputSchema,
} as const satisfies RouteSpec;

export const myData = {
  method: 'GET',
  path: '/v1/me/data',
  handler: 'my-data',
  auth: true,
  roles: EVERY_ROLE,
  // a person with several roles gets all of their data
  multiRole: true,
  access: { table: 'read', personalDataLog: true },
  summary: 'Every personal datum the platform holds about the caller (RGPD art. 15 and 20), the request recorded',
  response: 'myData',
} as const satisfies RouteSpec;

export const correctMyContact = {
  method: 'PATCH',
  path: '/v1/me/contact',
  handler: 'my-contact',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write' },
  summary: 'Correct your own name or phone in your company’s record (RGPD art. 16)',
  response: 'correctMyContact',
  body: contactCorrectionSchema,
} as const satisfies RouteSpec;

export const createApiClient = {
  method: 'POST',
  path: '/v1/companies/{id}/api-clients',
  handler: 'api-clients',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', apiClients: true },
  summary: 'Create an API client of the company (client-credentials grant); its secret is shown once',
  response: 'createApiClient',
  body: apiClientCreateSchema,
} as const satisfies RouteSpec;

export const replaceLegalRepresentative = {
  method: 'PUT',
  path: '/v1/companies/{id}/legal-representative',
  handler: 'replace-legal-representative',
  auth: true,
  roles: ['admin'],
  access: { table: 'write' },
  summary:
    'Replace the company’s legal representative (ANS support, with the reason): the former account is closed, the new one opened',
  response: 'replaceLegalRepresentative',
  body: legalRepresentativeSchema,
} as const satisfies RouteSpec;

export const listApiClients = {
  method: 'GET',
  path: '/v1/companies/{id}/api-clients',
  handler: 'list-company-tools',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'read' },
  summary: 'The company’s API clients',
  response: 'listApiClients',
} as const satisfies RouteSpec;

export const revokeApiClient = {
  method: 'DELETE',
  path: '/v1/companies/{id}/api-clients/{clientId}',
  handler: 'api-clients',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', apiClients: true },
  summary: 'Revoke an API client: its tokens are refused at once',
  response: 'revokeApiClient',
} as const satisfies RouteSpec;

export const createWebhook = {
  method: 'POST',
  path: '/v1/companies/{id}/webhooks',
  handler: 'webhooks',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write' },
  summary: 'Subscribe a URL to the company’s dossier events (signed, Standard Webhooks); its secret is shown once',
  response: 'createWebhook',
  body: webhookCreateSchema,
} as const satisfies RouteSpec;

export const listWebhooks = {
  method: 'GET',
  path: '/v1/companies/{id}/webhooks',
  handler: 'list-company-tools',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'read' },
  summary: 'The company’s webhooks',
  response: 'listWebhooks',
} as const satisfies RouteSpec;

export const deleteWebhook = {
  method: 'DELETE',
  path: '/v1/companies/{id}/webhooks/{webhookId}',
  handler: 'webhooks',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write' },
  summary: 'Delete a webhook: nothing more is sent to it',
  response: 'deleteWebhook',
} as const satisfies RouteSpec;

export const webhookDeliveries = {
  method: 'GET',
  path: '/v1/companies/{id}/webhooks/{webhookId}/deliveries',
  handler: 'list-company-tools',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'read' },
  summary: 'A webhook’s delivery log: each attempt, its answer and the next one',
  response: 'webhookDeliveries',
} as const satisfies RouteSpec;

export const createDossier = {
  method: 'POST',
  path: '/v1/dossiers',
  handler: 'create-dossier',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', workflow: true },
  summary: 'Open a candidature (draft)',
  response: 'createDossier',
  body: dossierCreateSchema,
} as const satisfies RouteSpec;

export const listDossiers = {
  method: 'GET',
  path: '/v1/dossiers',
  handler: 'list-dossiers',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'read' },
  summary: 'The company’s dossiers',
  response: 'listDossiers',
  query: pageQuery,
} as const satisfies RouteSpec;

export const getDossier = {
  method: 'GET',
  path: '/v1/dossiers/{id}',
  handler: 'get-dossier',
  auth: true,
  roles: ANYONE,
  access: { table: 'read' },
  summary: 'A dossier',
  response: 'getDossier',
} as const satisfies RouteSpec;

export const getJournal = {
  method: 'GET',
  path: '/v1/dossiers/{id}/journal',
  handler: 'get-journal',
  auth: true,
  roles: ANYONE,
  access: { table: 'read' },
  summary: 'The dossier’s journal, its chain verified',
  response: 'getJournal',
} as const satisfies RouteSpec;

export const patchDossier = {
  method: 'PATCH',
  path: '/v1/dossiers/{id}',
  handler: 'patch-dossier',
  ifMatch: true,
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', workflow: true },
  summary: 'Edit a draft candidature',
  response: 'patchDossier',
  body: dossierPatchSchema,
} as const satisfies RouteSpec;

export const createUpload = {
  method: 'POST',
  path: '/v1/dossiers/{id}/uploads',
  handler: 'create-upload',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', evidence: 'put', legalEffects: true },
  summary: 'Ask to upload a file (one presigned PUT, or one per part with `parts`)',
  response: 'createUpload',
  body: uploadRequestSchema,
} as const satisfies RouteSpec;

export const resumeMultipart = {
  method: 'GET',
  path: '/v1/dossiers/{id}/uploads/{uploadId}/parts',
  handler: 'multipart-upload',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', evidence: 'multipart', legalEffects: true },
  summary: 'Where a file sent in parts stands, with fresh links for the parts still to send',
  response: 'resumeMultipart',
} as const satisfies RouteSpec;

export const completeMultipart = {
  method: 'POST',
  path: '/v1/dossiers/{id}/uploads/{uploadId}/complete',
  handler: 'multipart-upload',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', evidence: 'multipart', legalEffects: true },
  summary: 'Assemble a file sent in parts (its parts checked against their SHA-256)',
  response: 'completeMultipart',
} as const satisfies RouteSpec;

export const submitDossier = {
  method: 'POST',
  path: '/v1/dossiers/{id}/submit',
  handler: 'submit-dossier',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', workflow: true },
  summary: 'Submit the candidature',
  response: 'submitDossier',
} as const satisfies RouteSpec;

export const listQueue = {
  method: 'GET',
  path: '/v1/queue',
  handler: 'list-queue',
  auth: true,
  roles: ['instructor', 'college'],
  access: { table: 'read' },
  summary: 'A stage’s queue, oldest first',
  response: 'listQueue',
  query: [stageQuery, limitQuery, cursorQuery],
} as const satisfies RouteSpec;

export const decideAdmissibility = {
  method: 'POST',
  path: '/v1/dossiers/{id}/admissibility',
  handler: 'decide-admissibility',
  auth: true,
  roles: INSTRUCTOR,
  access: { table: 'write', workflow: true },
  summary: 'Decide admissibility',
  response: 'decideAdmissibility',
  body: admissibilitySchema,
} as const satisfies RouteSpec;

export const openInfoRequest = {
  method: 'POST',
  path: '/v1/dossiers/{id}/info-requests',
  handler: 'open-info-request',
  auth: true,
  roles: INSTRUCTOR,
  access: DOSSIER_COMMAND,
  summary: 'Request missing items',
  response: 'openInfoRequest',
  body: infoRequestSchema,
} as const satisfies RouteSpec;

export const answerInfoRequest = {
  method: 'POST',
  path: '/v1/dossiers/{id}/info-requests/{requestId}/answer',
  handler: 'answer-info-request',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Answer an information request',
  response: 'answerInfoRequest',
  body: infoRequestAnswerSchema,
} as const satisfies RouteSpec;

export const listMessages = {
  method: 'GET',
  path: '/v1/dossiers/{id}/messages',
  handler: 'list-messages',
  auth: true,
  roles: ['candidate', 'instructor', 'college', 'admin'],
  access: { table: 'read' },
  summary: 'The dossier’s messages',
  response: 'listMessages',
  query: pageQuery,
} as const satisfies RouteSpec;

export const postMessage = {
  method: 'POST',
  path: '/v1/dossiers/{id}/messages',
  handler: 'post-message',
  auth: true,
  roles: ['candidate', 'instructor'], // the company and its instructors: the collège and reviewers do not correspond
  access: DOSSIER_COMMAND,
  summary: 'Send a message',
  response: 'postMessage',
  body: messageSchema,
} as const satisfies RouteSpec;

export const assignDossier = {
  method: 'POST',
  path: '/v1/dossiers/{id}/assignment',
  handler: 'assign-dossier',
  auth: true,
  roles: ['instructor'],
  access: DOSSIER_COMMAND,
  summary: 'Take the dossier in charge (from a colleague too), or give it back',
  response: 'assignDossier',
  body: assignmentSchema,
} as const satisfies RouteSpec;

export const listStaffNotes = {
  method: 'GET',
  path: '/v1/dossiers/{id}/notes',
  handler: 'list-staff-notes',
  auth: true,
  roles: STAFF_NOTE_ROLES,
  access: { table: 'read' },
  summary: 'The private notes between ANS staff on the dossier (never shown to the company)',
  response: 'listStaffNotes',
  query: pageQuery,
} as const satisfies RouteSpec;

export const addStaffNote = {
  method: 'POST',
  path: '/v1/dossiers/{id}/notes',
  handler: 'add-staff-note',
  auth: true,
  roles: STAFF_NOTE_ROLES,
  access: { table: 'write' },
  summary: 'Add a private note between ANS staff on the dossier',
  response: 'addStaffNote',
  body: staffNoteSchema,
} as const satisfies RouteSpec;

export const getRequirements = {
  method: 'GET',
  path: '/v1/dossiers/{id}/requirements',
  handler: 'get-requirements',
  auth: true,
  roles: ANYONE,
  access: { table: 'read' },
  summary: 'The applicable requirements and their evidence',
  response: 'getRequirements',
} as const satisfies RouteSpec;

export const submitSection = {
  method: 'POST',
  path: '/v1/dossiers/{id}/sections/{sectionId}/submit',
  handler: 'submit-section',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Hand in a section’s evidence',
  response: 'submitSection',
} as const satisfies RouteSpec;

export const withdrawUpload = {
  method: 'DELETE',
  path: '/v1/dossiers/{id}/uploads/{uploadId}',
  handler: 'withdraw-upload',
  auth: true,
  roles: CANDIDATE,
  access: { table: 'write', workflow: true, evidence: 'delete', legalEffects: true },
  summary: 'Withdraw an uploaded file',
  response: 'withdrawUpload',
} as const satisfies RouteSpec;

export const downloadUpload = {
  method: 'GET',
  path: '/v1/dossiers/{id}/uploads/{uploadId}/download',
  handler: 'download-upload',
  auth: true,
  roles: ANYONE,
  access: { table: 'journal', evidence: 'get' },
  summary: 'Download an uploaded file',
  response: 'downloadUpload',
} as const satisfies RouteSpec;

export const importReferential = {
  method: 'POST',
  path: '/v1/referentials',
  handler: 'import-referential',
  auth: true,
  roles: ['admin'],
  access: { table: 'write', schedules: true },
  summary: 'Import a referential version',
  response: 'importReferential',
  body: referentialImportSchema,
} as const satisfies RouteSpec;

export const securityQueue = {
  method: 'GET',
  path: '/v1/security/queue',
  handler: 'security-queue',
  auth: true,
  roles: SECURITY_REVIEWER,
  access: { table: 'read' },
  summary: 'Penetration-test proofs received and not yet judged, oldest first (the security reviewers’ queue)',
  response: 'securityQueue',
  query: pageQuery,
} as const satisfies RouteSpec;

export const sensitiveEvidenceView = {
  method: 'GET',
  path: '/v1/security/dossiers/{id}',
  handler: 'sensitive-evidence-view',
  auth: true,
  roles: SECURITY_REVIEWER,
  access: { table: 'read' },
  summary: 'What a security review needs: the dossier’s reference and its sensitive evidence, nothing else',
  response: 'sensitiveEvidenceView',
} as const satisfies RouteSpec;

export const downloadSensitiveUpload = {
  method: 'GET',
  path: '/v1/dossiers/{id}/sensitive-evidence/{uploadId}/download',
  handler: 'download-sensitive-evidence',
  auth: true,
  roles: SECURITY_REVIEWER,
  access: { table: 'journal', evidence: 'get-sensitive' },
  summary: 'A short link to a piece of sensitive evidence (journaled; clean files only)',
  response: 'downloadUpload',
} as const satisfies RouteSpec;

export const reviewProof = {
  method: 'POST',
  path: '/v1/dossiers/{id}/proofs/{uploadId}/review',
  handler: 'review-proof',
  auth: true,
  multiRole: true, // who reviews depends on the evidence (sensitive: security reviewers)
  roles: ['instructor', 'security_reviewer'],
  access: DOSSIER_COMMAND,
  summary: 'Review a piece of evidence',
  response: 'reviewProof',
  body: reviewSchema,
} as const satisfies RouteSpec;

export const proposeInsTestDay = {
  method: 'POST',
  path: '/v1/dossiers/{id}/ins-test-day',
  handler: 'propose-ins-test-day',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Propose the INS test day',
  response: 'proposeInsTestDay',
  body: insTestProposalSchema,
} as const satisfies RouteSpec;

export const recordInsTestOutcome = {
  method: 'POST',
  path: '/v1/dossiers/{id}/ins-test-day/outcome',
  handler: 'record-ins-test-outcome',
  auth: true,
  roles: INSTRUCTOR,
  access: DOSSIER_COMMAND,
  summary: 'Record the INS test day’s outcome',
  response: 'recordInsTestOutcome',
  body: insTestOutcomeSchema,
} as const satisfies RouteSpec;

export const completeInstruction = {
  method: 'POST',
  path: '/v1/dossiers/{id}/instruction/complete',
  handler: 'complete-instruction',
  auth: true,
  roles: INSTRUCTOR,
  access: { table: 'write', workflow: true, legalEffects: true },
  summary: 'Close instruction with a report',
  response: 'completeInstruction',
  body: completeInstructionSchema,
  optionalBody: true,
} as const satisfies RouteSpec;

export const downloadConvention = {
  method: 'GET',
  path: '/v1/dossiers/{id}/convention',
  handler: 'download-convention',
  auth: true,
  roles: ANYONE,
  access: { table: 'read', evidence: 'read-documents' },
  summary: 'Download the convention',
  response: 'downloadConvention',
} as const satisfies RouteSpec;

export const downloadNotifiedAct = {
  method: 'GET',
  path: '/v1/dossiers/{id}/documents/{kind}',
  handler: 'download-notified-act',
  auth: true,
  roles: ANYONE,
  access: { table: 'read', evidence: 'read-documents' },
  summary: 'Download a notified act as a sealed PDF: `receipt` (complete file) or `decision`',
  response: 'downloadNotifiedAct',
} as const satisfies RouteSpec;

export const downloadSignatureEvidence = {
  method: 'GET',
  path: '/v1/dossiers/{id}/convention/evidence',
  handler: 'download-signature-evidence',
  auth: true,
  roles: ANYONE,
  access: { table: 'read', evidence: 'read-documents' },
  summary: 'Download the evidence file of the convention’s signature (sealed PDF)',
  response: 'downloadSignatureEvidence',
} as const satisfies RouteSpec;

export const signConvention = {
  method: 'POST',
  path: '/v1/dossiers/{id}/convention/sign',
  handler: 'sign-convention',
  auth: true,
  roles: CANDIDATE,
  // the convention's stored hash is read (HeadObject) to bind the signature to it
  access: { table: 'write', workflow: true, evidence: 'read-documents' },
  summary: 'Sign the convention (a sign-in of less than 15 minutes: RFC 9470 step-up otherwise)',
  response: 'signConvention',
  body: conventionSignSchema,
} as const satisfies RouteSpec;

export const openDossierNotification = {
  method: 'POST',
  path: '/v1/dossiers/{id}/notifications/{notificationId}/open',
  handler: 'open-dossier-notification',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Open a notification: its certain date of receipt (R.1470-4 al. 2)',
  response: 'notificationReceived',
} as const satisfies RouteSpec;

export const recordDossierReceipt = {
  method: 'POST',
  path: '/v1/dossiers/{id}/notifications/{notificationId}/receipt',
  handler: 'record-dossier-receipt',
  auth: true,
  roles: INSTRUCTOR,
  access: DOSSIER_COMMAND,
  summary: 'Record the receipt of a notification delivered another way (contacts undeliverable)',
  response: 'notificationReceived',
  body: receiptRecordSchema,
} as const satisfies RouteSpec;

export const acknowledgeDecision = {
  method: 'POST',
  path: '/v1/dossiers/{id}/decision/acknowledge',
  handler: 'acknowledge-decision',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Acknowledge receipt of the decision',
  response: 'acknowledgeDecision',
} as const satisfies RouteSpec;

export const collegeDecision = {
  method: 'POST',
  path: '/v1/dossiers/{id}/college-decision',
  handler: 'college-decision',
  auth: true,
  roles: ['college'],
  access: { table: 'write', workflow: true, schedules: true, legalEffects: true },
  summary: 'The collège decides',
  response: 'collegeDecision',
  body: collegeDecisionSchema,
} as const satisfies RouteSpec;

export const collegeAgenda = {
  method: 'GET',
  path: '/v1/college/agenda',
  handler: 'college-agenda',
  auth: true,
  roles: ['college', 'instructor'],
  access: { table: 'read' },
  summary: 'The collège’s next session and its agenda',
  response: 'collegeAgenda',
  query: pageQuery,
} as const satisfies RouteSpec;

export const abandonDossier = {
  method: 'POST',
  path: '/v1/dossiers/{id}/abandon',
  handler: 'abandon-dossier',
  auth: true,
  roles: INSTRUCTOR,
  access: DOSSIER_COMMAND,
  summary: 'Close a dossier whose convention went unsigned for six months',
  response: 'abandonDossier',
  body: abandonDossierSchema,
} as const satisfies RouteSpec;

export const withdrawDossier = {
  method: 'POST',
  path: '/v1/dossiers/{id}/withdraw',
  handler: 'withdraw-dossier',
  auth: true,
  roles: CANDIDATE,
  access: DOSSIER_COMMAND,
  summary: 'Withdraw the candidature',
  response: 'withdrawDossier',
} as const satisfies RouteSpec;

export const exportQueue = {
  method: 'GET',
  path: '/v1/queue/export',
  handler: 'export-queue',
  auth: true,
  roles: INSTRUCTOR,
  access: { table: 'read' },
  summary: 'Export a queue (CSV or XLSX)',
  response: 'exportQueue',
  query: [stageQuery, formatQuery],
} as const satisfies RouteSpec;

export const publicCertificates = {
  method: 'GET',
  path: '/v1/public/certificates',
  handler: 'public-certificates',
  auth: false,
  access: { table: 'read' },
  summary: 'The published list of certified systems',
  response: 'publicCertificates',
  query: [limitQuery, cursorQuery, endedStatusQuery],
} as const satisfies RouteSpec;

export const publicCandidatures = {
  method: 'GET',
  path: '/v1/public/candidatures',
  handler: 'public-candidatures',
  auth: false,
  access: { table: 'read' },
  summary: 'Candidatures under way whose company allowed publishing its planned date (guide §4.1)',
  response: 'publicCandidatures',
  query: pageQuery,
} as const satisfies RouteSpec;

export const publicTrust = {
  method: 'GET',
  path: '/v1/public/trust',
  handler: 'public-trust',
  auth: false,
  access: { trustMaterial: true },
  summary: "The seal's and the timestamp authority's certificates, to check sealed PDFs and timestamp tokens",
  response: 'publicTrust',
} as const satisfies RouteSpec;

export const publicPrivacy = {
  method: 'GET',
  path: '/v1/public/privacy',
  handler: 'public-privacy',
  auth: false,
  access: {},
  summary: 'Who controls the personal data, for what, and how long each kind is kept (RGPD art. 13)',
  response: 'publicPrivacy',
} as const satisfies RouteSpec;

export const publicDocument = {
  method: 'GET',
  path: '/v1/public/documents/{sha256}',
  handler: 'public-document',
  auth: false,
  access: { table: 'read' },
  summary: 'Whether the platform issued the PDF with this SHA-256, and its certificate’s status today',
  response: 'publicDocument',
} as const satisfies RouteSpec;

export const publicCertificate = {
  method: 'GET',
  path: '/v1/public/certificates/{number}',
  handler: 'public-certificate',
  auth: false,
  access: { table: 'read' },
  summary: 'Verify a certificate',
  response: 'publicCertificate',
} as const satisfies RouteSpec;

export const downloadCertificate = {
  method: 'GET',
  path: '/v1/certificates/{number}/pdf',
  handler: 'download-certificate',
  auth: true,
  roles: ANYONE,
  access: { table: 'read', evidence: 'read-documents' },
  summary: 'Download the certificate PDF',
  response: 'downloadCertificate',
} as const satisfies RouteSpec;

export const getCertificate = {
  method: 'GET',
  path: '/v1/certificates/{number}',
  handler: 'get-certificate',
  auth: true,
  roles: ANYONE,
  access: { table: 'read' },
  summary: 'A certificate and its life',
  response: 'getCertificate',
} as const satisfies RouteSpec;

export const openCertificateNotification = {
  method: 'POST',
  path: '/v1/certificates/{number}/notifications/{notificationId}/open',
  handler: 'open-certificate-notification',
  auth: true,
  roles: CANDIDATE,
  access: CERTIFICATE_ACCESS,
  summary: 'Open a notification of the certificate: its certain date of receipt (R.1470-4 al. 2)',
  response: 'notificationReceived',
} as const satisfies RouteSpec;

export const certificateActionFormalNotice = {
  method: 'POST',
  path: '/v1/certificates/{number}/formal-notice',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Serve a formal notice',
  response: 'certificateActionFormalNotice',
  body: formalNoticeSchema,
} as const satisfies RouteSpec;

export const certificateActionFormalNoticeResponse = {
  method: 'POST',
  path: '/v1/certificates/{number}/formal-notice/response',
  handler: 'certificate-action',
  auth: true,
  roles: CANDIDATE,
  access: CERTIFICATE_ACCESS,
  summary: 'Answer a formal notice',
  response: 'certificateActionFormalNoticeResponse',
  body: noticeResponseSchema,
} as const satisfies RouteSpec;

export const certificateActionFormalNoticeClose = {
  method: 'POST',
  path: '/v1/certificates/{number}/formal-notice/close',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Close a formal notice',
  response: 'certificateActionFormalNoticeClose',
  body: closeNoticeSchema,
  optionalBody: true,
} as const satisfies RouteSpec;

export const certificateActionSuspend = {
  method: 'POST',
  path: '/v1/certificates/{number}/suspend',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Suspend a certificate',
  response: 'certificateActionSuspend',
  body: sanctionSchema,
} as const satisfies RouteSpec;

export const certificateActionReinstate = {
  method: 'POST',
  path: '/v1/certificates/{number}/reinstate',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Reinstate a certificate',
  response: 'certificateActionReinstate',
  body: reinstateSchema,
  optionalBody: true,
} as const satisfies RouteSpec;

export const certificateActionWithdraw = {
  method: 'POST',
  path: '/v1/certificates/{number}/withdraw',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Withdraw a certificate',
  response: 'certificateActionWithdraw',
  body: withdrawSchema,
} as const satisfies RouteSpec;

export const certificateActionObservationsNotice = {
  method: 'POST',
  path: '/v1/certificates/{number}/observations-notice',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Invite observations (before a fraud termination)',
  response: 'certificateActionObservationsNotice',
  body: observationsNoticeSchema,
} as const satisfies RouteSpec;

export const certificateActionObservations = {
  method: 'POST',
  path: '/v1/certificates/{number}/observations',
  handler: 'certificate-action',
  auth: true,
  roles: CANDIDATE,
  access: CERTIFICATE_ACCESS,
  summary: 'Submit observations',
  response: 'certificateActionObservations',
  body: observationsSchema,
} as const satisfies RouteSpec;

export const certificateActionTerminate = {
  method: 'POST',
  path: '/v1/certificates/{number}/terminate',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Terminate the convention',
  response: 'certificateActionTerminate',
  body: terminateSchema,
} as const satisfies RouteSpec;

export const certificateActionRenewalRequired = {
  method: 'POST',
  path: '/v1/certificates/{number}/renewal-required',
  handler: 'certificate-action',
  auth: true,
  roles: INSTRUCTOR,
  access: CERTIFICATE_ACCESS,
  summary: 'Require a renewal by a date (a substantial change ANS recorded, a new referential)',
  response: 'certificateActionRenewalRequired',
  body: renewalRequiredSchema,
} as const satisfies RouteSpec;

export const certificateActionNonRenewal = {
  method: 'POST',
  path: '/v1/certificates/{number}/non-renewal',
  handler: 'certificate-action',
  auth: true,
  roles: ['candidate', 'instructor'],
  access: CERTIFICATE_ACCESS,
  summary: 'Give notice against the convention’s tacit renewal: the certificate ends at the term',
  response: 'certificateActionNonRenewal',
  body: nonRenewalSchema,
} as const satisfies RouteSpec;

export const certificateActionSubstantialChange = {
  method: 'POST',
  path: '/v1/certificates/{number}/substantial-change',
  handler: 'certificate-action',
  auth: true,
  roles: CANDIDATE,
  access: CERTIFICATE_ACCESS,
  summary: 'Declare a substantial change',
  response: 'certificateActionSubstantialChange',
  body: substantialChangeSchema,
} as const satisfies RouteSpec;

export const certificateActionRenewalCandidature = {
  method: 'POST',
  path: '/v1/certificates/{number}/renewal-candidature',
  handler: 'certificate-action',
  auth: true,
  roles: CANDIDATE,
  access: CERTIFICATE_ACCESS,
  summary: 'Open a renewal candidature',
  response: 'certificateActionRenewalCandidature',
  body: renewalCandidatureSchema,
  optionalBody: true,
} as const satisfies RouteSpec;

/**
 * The table, each route declared once above: its literal types give each handler its body and
 * parameters (`endpoint()`); `routes.test.ts` checks that every handler named exists and serves
 * exactly the routes that name it. A handler imports its own entries by name (`routes.getDossier`),
 * never this table, so that its bundle carries its routes' schemas and no other (package.json's
 * `sideEffects` lets esbuild drop the rest; the OpenAPI document, CDK and the local stack read it).
 */
export const ROUTE_TABLE = [
  health,
  openapi,
  createCompany,
  myData,
  correctMyContact,
  createApiClient,
  replaceLegalRepresentative,
  listApiClients,
  revokeApiClient,
  createWebhook,
  listWebhooks,
  deleteWebhook,
  webhookDeliveries,
  createDossier,
  listDossiers,
  getDossier,
  getJournal,
  patchDossier,
  createUpload,
  resumeMultipart,
  completeMultipart,
  submitDossier,
  listQueue,
  decideAdmissibility,
  openInfoRequest,
  answerInfoRequest,
  listMessages,
  postMessage,
  assignDossier,
  listStaffNotes,
  addStaffNote,
  getRequirements,
  submitSection,
  withdrawUpload,
  downloadUpload,
  importReferential,
  securityQueue,
  sensitiveEvidenceView,
  downloadSensitiveUpload,
  reviewProof,
  proposeInsTestDay,
  recordInsTestOutcome,
  completeInstruction,
  downloadConvention,
  downloadNotifiedAct,
  downloadSignatureEvidence,
  signConvention,
  openDossierNotification,
  recordDossierReceipt,
  acknowledgeDecision,
  collegeDecision,
  collegeAgenda,
  abandonDossier,
  withdrawDossier,
  exportQueue,
  publicCertificates,
  publicCandidatures,
  publicTrust,
  publicPrivacy,
  publicDocument,
  publicCertificate,
  downloadCertificate,
  getCertificate,
  openCertificateNotification,
  certificateActionFormalNotice,
  certificateActionFormalNoticeResponse,
  certificateActionFormalNoticeClose,
  certificateActionSuspend,
  certificateActionReinstate,
  certificateActionWithdraw,
  certificateActionObservationsNotice,
  certificateActionObservations,
  certificateActionTerminate,
  certificateActionRenewalRequired,
  certificateActionNonRenewal,
  certificateActionSubstantialChange,
  certificateActionRenewalCandidature,
] as const;

export const ROUTES: readonly RouteSpec[] = ROUTE_TABLE;
