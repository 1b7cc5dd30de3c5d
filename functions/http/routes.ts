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
  /** what the function touches, for least-privilege grants */
  access: {
    table?: 'read' | 'write';
    workflow?: boolean;
    /**
     * put / get / delete: uploaded evidence, both buckets (the sensitive one included);
     * read-documents: generated PDFs, in the ordinary evidence bucket only (the document function
     * alone writes them).
     */
    evidence?: 'put' | 'get' | 'delete' | 'read-documents';
    schedules?: boolean;
    /**
     * The command applies the legal effects already due (DESIGN.md §3) on a dossier that may be
     * in instruction: tacit acceptance issues a certificate (its long clock; its PDF is a job).
     */
    legalEffects?: boolean;
  };
}

import type { Role } from '../domain/schemas';

const ANYONE: readonly Role[] = ['candidate', 'instructor', 'security_reviewer', 'college', 'admin'];
const CANDIDATE: readonly Role[] = ['candidate'];
const INSTRUCTOR: readonly Role[] = ['instructor'];

/** a command on a dossier under instruction: legal effects first may grant by tacit acceptance */
const DOSSIER_COMMAND: RouteSpec['access'] = { table: 'write', workflow: true, legalEffects: true };

/** certificate actions write the dossier and its journal, and (re)schedule the long clocks */
const CERTIFICATE_ACCESS: RouteSpec['access'] = { table: 'write', workflow: true, schedules: true };

/** The table as written: its handler names keep their literal types (checked in routes-check.ts). */
export const ROUTE_TABLE = [
  { method: 'GET', path: '/health', handler: 'health', auth: false, access: {} },
  { method: 'GET', path: '/v1/openapi.json', handler: 'openapi', auth: false, access: {} },
  {
    method: 'POST',
    path: '/v1/companies',
    handler: 'create-company',
    auth: true,
    roles: ['admin'],
    access: { table: 'write' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers',
    handler: 'create-dossier',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', workflow: true },
  },
  {
    method: 'GET',
    path: '/v1/dossiers',
    handler: 'list-dossiers',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}',
    handler: 'get-dossier',
    auth: true,
    roles: ANYONE,
    access: { table: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}/journal',
    handler: 'get-journal',
    auth: true,
    roles: ANYONE,
    access: { table: 'read' },
  },
  {
    method: 'PATCH',
    path: '/v1/dossiers/{id}',
    handler: 'patch-dossier',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', workflow: true },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/uploads',
    handler: 'create-upload',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', evidence: 'put', legalEffects: true },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/submit',
    handler: 'submit-dossier',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', workflow: true },
  },
  {
    method: 'GET',
    path: '/v1/queue',
    handler: 'list-queue',
    auth: true,
    roles: ['instructor', 'college'],
    access: { table: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/admissibility',
    handler: 'decide-admissibility',
    auth: true,
    roles: INSTRUCTOR,
    access: { table: 'write', workflow: true },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/info-requests',
    handler: 'open-info-request',
    auth: true,
    roles: INSTRUCTOR,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/info-requests/{requestId}/answer',
    handler: 'answer-info-request',
    auth: true,
    roles: CANDIDATE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}/messages',
    handler: 'list-messages',
    auth: true,
    roles: ANYONE,
    access: { table: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/messages',
    handler: 'post-message',
    auth: true,
    roles: ANYONE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}/requirements',
    handler: 'get-requirements',
    auth: true,
    roles: ANYONE,
    access: { table: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/sections/{sectionId}/submit',
    handler: 'submit-section',
    auth: true,
    roles: CANDIDATE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'DELETE',
    path: '/v1/dossiers/{id}/uploads/{uploadId}',
    handler: 'withdraw-upload',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', workflow: true, evidence: 'delete', legalEffects: true },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}/uploads/{uploadId}/download',
    handler: 'download-upload',
    auth: true,
    roles: ANYONE,
    access: { table: 'write', evidence: 'get' },
  },
  {
    method: 'POST',
    path: '/v1/referentials',
    handler: 'import-referential',
    auth: true,
    roles: ['admin'],
    access: { table: 'write', schedules: true },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/proofs/{uploadId}/review',
    handler: 'review-proof',
    auth: true,
    multiRole: true, // who reviews depends on the evidence (sensitive: security reviewers)
    roles: ['instructor', 'security_reviewer'],
    access: DOSSIER_COMMAND,
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/ins-test-day',
    handler: 'propose-ins-test-day',
    auth: true,
    roles: CANDIDATE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/ins-test-day/outcome',
    handler: 'record-ins-test-outcome',
    auth: true,
    roles: INSTRUCTOR,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/instruction/complete',
    handler: 'complete-instruction',
    auth: true,
    roles: INSTRUCTOR,
    access: { table: 'write', workflow: true, legalEffects: true },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{id}/convention',
    handler: 'download-convention',
    auth: true,
    roles: ANYONE,
    access: { table: 'read', evidence: 'read-documents' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/convention/sign',
    handler: 'sign-convention',
    auth: true,
    roles: CANDIDATE,
    access: { table: 'write', workflow: true },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/decision/acknowledge',
    handler: 'acknowledge-decision',
    auth: true,
    roles: CANDIDATE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/college-decision',
    handler: 'college-decision',
    auth: true,
    roles: ['college'],
    access: { table: 'write', workflow: true, schedules: true, legalEffects: true },
  },
  {
    method: 'GET',
    path: '/v1/college/agenda',
    handler: 'college-agenda',
    auth: true,
    roles: ['college', 'instructor'],
    access: { table: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{id}/withdraw',
    handler: 'withdraw-dossier',
    auth: true,
    roles: CANDIDATE,
    access: DOSSIER_COMMAND,
  },
  {
    method: 'GET',
    path: '/v1/queue/export',
    handler: 'export-queue',
    auth: true,
    roles: INSTRUCTOR,
    access: { table: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/public/certificates',
    handler: 'public-certificates',
    auth: false,
    access: { table: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/public/certificates/{number}',
    handler: 'public-certificate',
    auth: false,
    access: { table: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/certificates/{number}/pdf',
    handler: 'download-certificate',
    auth: true,
    roles: ANYONE,
    access: { table: 'read', evidence: 'read-documents' },
  },
  {
    method: 'GET',
    path: '/v1/certificates/{number}',
    handler: 'get-certificate',
    auth: true,
    roles: ANYONE,
    access: { table: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/formal-notice',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/formal-notice/response',
    handler: 'certificate-action',
    auth: true,
    roles: CANDIDATE,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/formal-notice/close',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/suspend',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/reinstate',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/withdraw',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/observations-notice',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/observations',
    handler: 'certificate-action',
    auth: true,
    roles: CANDIDATE,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/terminate',
    handler: 'certificate-action',
    auth: true,
    roles: INSTRUCTOR,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/substantial-change',
    handler: 'certificate-action',
    auth: true,
    roles: CANDIDATE,
    access: CERTIFICATE_ACCESS,
  },
  {
    method: 'POST',
    path: '/v1/certificates/{number}/renewal-candidature',
    handler: 'certificate-action',
    auth: true,
    roles: CANDIDATE,
    access: CERTIFICATE_ACCESS,
  },
] as const satisfies readonly RouteSpec[];

export const ROUTES: readonly RouteSpec[] = ROUTE_TABLE;
