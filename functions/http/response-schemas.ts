import * as z from 'zod';
import { DOSSIER_STATUSES } from '../domain/dossier-model';
import { CERTIFICATE_STATUSES } from '../domain/certificate';
import { PROFILE_CODES, USE_CASES, decisionClockViewSchema, decisionViewSchema } from '../domain/schemas';
import { SCAN_STATUSES } from '../domain/upload';

/**
 * What each route answers, as zod schemas: published in the OpenAPI document (the portal's typed
 * client is generated from it) and, in the integration tests, checked against every 2xx answer the
 * local stack gives (`VALIDATE_RESPONSES=1`). Objects are open (`looseObject`): the contract lets
 * the service add fields, and a client must not break on one.
 */
const instant = z.iso.datetime({ offset: true });
const product = z.object({ name: z.string(), version: z.string() });
const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({ items: z.array(item), nextCursor: z.string().optional() });

export const deadlineSchema = z.looseObject({
  kind: z.enum([
    'inactivity_abandonment',
    'info_request',
    'decision',
    'ins_test_day',
    'formal_notice',
    'convention_term',
  ]),
  dueAt: instant,
  legalBasis: z.string(),
});

const reviewView = z.looseObject({
  verdict: z.enum(['compliant', 'non_compliant']),
  comment: z.string().optional(),
  at: instant,
});

export const uploadViewSchema = z.looseObject({
  id: z.string(),
  purpose: z.enum(['functional_documentation', 'mandate', 'proof']),
  requirementId: z.string().optional(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  status: z.enum(['pending', 'received', 'rejected', 'withdrawn']),
  createdAt: instant,
  receivedAt: instant.optional(),
  rejectedAt: instant.optional(),
  rejectedReason: z.string().optional(),
  scan: z.looseObject({ status: z.enum(SCAN_STATUSES), at: instant }).optional(),
  review: reviewView.optional(),
});

const infoRequestView = z.looseObject({
  id: z.string(),
  stage: z.enum(['admissibility', 'instruction']),
  missingItems: z.array(z.string()),
  openedAt: instant,
  dueAt: instant,
  status: z.enum(['open', 'answered', 'lapsed']),
  answeredAt: instant.optional(),
  answer: z.string().optional(),
});

const dossierCertificate = z.looseObject({
  number: z.string(),
  status: z.string(),
  grantedAt: instant,
  grantedBy: z.enum(['college', 'tacit_acceptance']),
  withReservations: z.boolean(),
});

const component = z.looseObject({
  name: z.string(),
  version: z.string(),
  nil: z.string().optional(),
  nie: z.string().optional(),
  description: z.string(),
});

/** `GET /v1/dossiers/{id}` and every command that answers with the dossier. */
export const dossierViewSchema = z.looseObject({
  id: z.string(),
  companyId: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  product,
  useCase: z.enum(USE_CASES),
  profiles: z.array(z.enum(PROFILE_CODES)),
  plannedCompleteProofDate: z.string().optional(),
  publishPlannedDate: z.boolean().optional(),
  nie: z.string().optional(),
  nil: z.string().optional(),
  deployedInTeleconsultationCompany: z.boolean().optional(),
  commitment: z.boolean().optional(),
  components: z.array(component).optional(),
  group: z
    .looseObject({ members: z.array(z.looseObject({ name: z.string(), siret: z.string().optional() })) })
    .optional(),
  referentialVersion: z.string(),
  createdAt: instant,
  updatedAt: instant,
  lastCandidateActivityAt: instant,
  deadlines: z.array(deadlineSchema),
  closedAt: instant.optional(),
  closedReason: z.string().optional(),
  submittedAt: instant.optional(),
  admissibleAt: instant.optional(),
  infoRequests: z.array(infoRequestView),
  sections: z.record(z.string(), z.looseObject({ status: z.literal('submitted'), submittedAt: instant })).optional(),
  receipt: z.looseObject({ at: instant, seq: z.number().int(), hash: z.string() }).optional(),
  decisionDueAt: instant.optional(),
  decisionClock: decisionClockViewSchema.optional(),
  instructionReport: z
    .looseObject({
      outcome: z.enum(['favourable', 'unfavourable']),
      nonConformities: z.array(z.string()).optional(),
      exceptional: z.boolean().optional(),
      at: instant,
    })
    .optional(),
  insTestDueAt: instant.optional(),
  insTestDay: z
    .looseObject({
      proposedDate: z.string().optional(),
      outcome: z.enum(['passed', 'failed', 'waived']).optional(),
      recordedAt: instant.optional(),
      comment: z.string().optional(),
    })
    .optional(),
  convention: z
    .looseObject({ generatedAt: instant, signedAt: instant.optional(), signatoryName: z.string().optional() })
    .optional(),
  certificate: dossierCertificate.optional(),
  decision: decisionViewSchema.optional(),
  uploads: z.array(uploadViewSchema),
  version: z.number().int(),
});

export const dossierSummarySchema = z.looseObject({
  id: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  product,
  useCase: z.enum(USE_CASES),
  profiles: z.array(z.enum(PROFILE_CODES)),
  deadlines: z.array(deadlineSchema),
  createdAt: instant,
  updatedAt: instant,
  certificate: dossierCertificate.optional(),
});

export const publicCertificateSchema = z.looseObject({
  number: z.string(),
  status: z.enum(CERTIFICATE_STATUSES),
  product,
  company: z.looseObject({ id: z.string(), name: z.string() }),
  referentialVersion: z.string(),
  profiles: z.array(z.string()),
  grantedAt: instant,
  grantedBy: z.enum(['college', 'tacit_acceptance']),
  withReservations: z.boolean(),
  plannedCompleteProofDate: z.string().optional(),
  updatedAt: instant,
});

/** The certificate with its life (notices, suspensions, clocks), for its company and ANS. */
export const certificateSchema = publicCertificateSchema.extend({
  life: z.looseObject({
    dossierId: z.string(),
    reservations: z.array(z.string()).optional(),
    conventionTermAt: instant.optional(),
    formalNotices: z
      .array(
        z.looseObject({
          id: z.string(),
          nonConformities: z.array(z.string()),
          issuedAt: instant,
          respondBy: instant,
          status: z.enum(['open', 'remedied', 'lapsed']),
          response: z.looseObject({ message: z.string(), at: instant }).optional(),
          closedAt: instant.optional(),
        }),
      )
      .optional(),
    observationsNotice: z
      .looseObject({
        facts: z.string(),
        at: instant,
        respondBy: instant.optional(),
        observations: z.looseObject({ text: z.string(), at: instant }).optional(),
      })
      .optional(),
    ended: z
      .looseObject({ status: z.string(), at: instant, ground: z.string().optional(), reason: z.string().optional() })
      .optional(),
    substantialChange: z.looseObject({ description: z.string(), declaredAt: instant }).optional(),
  }),
});

const queueItem = z.looseObject({
  dossierId: z.string(),
  companyId: z.string(),
  product,
  since: instant,
  status: z.enum(DOSSIER_STATUSES),
  deadlines: z.array(deadlineSchema),
});

const link = z.looseObject({ url: z.string(), expiresAt: instant });

const requirementsSchema = z.looseObject({
  referentialVersion: z.string(),
  sections: z.array(
    z.looseObject({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      submittedAt: instant.optional(),
      requirements: z.array(
        z.looseObject({
          id: z.string(),
          title: z.string(),
          description: z.string().optional(),
          expectedEvidence: z.string().optional(),
          sensitive: z.boolean(),
          proofs: z.array(uploadViewSchema),
        }),
      ),
    }),
  ),
});

const journalSchema = z.looseObject({
  items: z.array(
    z.looseObject({
      seq: z.number().int(),
      type: z.string(),
      at: instant,
      actor: z.looseObject({ role: z.string() }),
      hash: z.string(),
      prevHash: z.string(),
    }),
  ),
  head: z.looseObject({ seq: z.number().int(), hash: z.string() }),
  verified: z.boolean(),
  firstBrokenSeq: z.number().int().optional(),
});

const messageView = z.looseObject({
  id: z.string(),
  dossierId: z.string(),
  from: z.looseObject({ side: z.enum(['candidate', 'ans']), role: z.string() }),
  body: z.string(),
  at: instant,
});

export const uploadGrantSchema = z.looseObject({
  uploadId: z.string(),
  url: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: instant,
});

export const collegeDecisionResultSchema = z.looseObject({
  id: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  decision: decisionViewSchema.optional(),
  certificate: dossierCertificate.optional(),
  deadlines: z.array(deadlineSchema).optional(),
});

export interface ResponseSpec {
  status: 200 | 201;
  description: string;
  /** a JSON body (absent: a file, `content` says its type) */
  schema?: z.ZodType;
  /** a component name to publish the schema under */
  name?: string;
  content?: string;
}

const dossier: ResponseSpec = { status: 200, description: 'The dossier', schema: dossierViewSchema, name: 'Dossier' };
const certificate: ResponseSpec = {
  status: 200,
  description: 'The certificate and its life',
  schema: certificateSchema,
  name: 'Certificate',
};
const downloadLink: ResponseSpec = {
  status: 200,
  description: 'A short-lived download link',
  schema: link,
  name: 'DownloadLink',
};

/** Every route's summary and success answer; openapi.test.ts checks that none is missing. */
export const OPERATIONS: Record<string, { summary: string; response: ResponseSpec }> = {
  'GET /health': {
    summary: 'Health check',
    response: { status: 200, description: 'Up', schema: z.object({ status: z.literal('ok') }) },
  },
  'GET /v1/openapi.json': {
    summary: 'This OpenAPI document',
    response: { status: 200, description: 'The OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.string() }) },
  },
  'POST /v1/companies': {
    summary: 'Register a company (ENS)',
    response: { status: 201, description: 'The company’s id', schema: z.looseObject({ id: z.string() }) },
  },
  'POST /v1/dossiers': {
    summary: 'Open a candidature (draft)',
    response: {
      status: 201,
      description: 'The draft',
      schema: z.looseObject({ id: z.string(), status: z.enum(DOSSIER_STATUSES) }),
      name: 'Created',
    },
  },
  'GET /v1/dossiers': {
    summary: 'The company’s dossiers',
    response: {
      status: 200,
      description: 'A page of dossiers',
      schema: page(dossierSummarySchema),
      name: 'DossierPage',
    },
  },
  'GET /v1/dossiers/{id}': { summary: 'A dossier', response: dossier },
  'GET /v1/dossiers/{id}/journal': {
    summary: 'The dossier’s journal, its chain verified',
    response: { status: 200, description: 'The journal', schema: journalSchema, name: 'Journal' },
  },
  'PATCH /v1/dossiers/{id}': { summary: 'Edit a draft candidature', response: dossier },
  'POST /v1/dossiers/{id}/uploads': {
    summary: 'Ask to upload a file (presigned PUT)',
    response: { status: 201, description: 'The upload grant', schema: uploadGrantSchema, name: 'UploadGrant' },
  },
  'POST /v1/dossiers/{id}/submit': { summary: 'Submit the candidature', response: dossier },
  'GET /v1/queue': {
    summary: 'A stage’s queue, oldest first',
    response: { status: 200, description: 'A page of the queue', schema: page(queueItem), name: 'QueuePage' },
  },
  'POST /v1/dossiers/{id}/admissibility': {
    summary: 'Decide admissibility',
    response: {
      status: 200,
      description: 'The dossier’s new status',
      schema: z.looseObject({ status: z.enum(DOSSIER_STATUSES) }),
      name: 'StatusResult',
    },
  },
  'POST /v1/dossiers/{id}/info-requests': {
    summary: 'Request missing items',
    response: {
      status: 201,
      description: 'The request and its due instant',
      schema: z.looseObject({ requestId: z.string(), dueAt: instant }),
      name: 'InfoRequestOpened',
    },
  },
  'POST /v1/dossiers/{id}/info-requests/{requestId}/answer': {
    summary: 'Answer an information request',
    response: dossier,
  },
  'GET /v1/dossiers/{id}/messages': {
    summary: 'The dossier’s messages',
    response: { status: 200, description: 'A page of messages', schema: page(messageView), name: 'MessagePage' },
  },
  'POST /v1/dossiers/{id}/messages': {
    summary: 'Send a message',
    response: { status: 201, description: 'The message', schema: messageView, name: 'Message' },
  },
  'GET /v1/dossiers/{id}/requirements': {
    summary: 'The applicable requirements and their evidence',
    response: {
      status: 200,
      description: 'Sections and requirements',
      schema: requirementsSchema,
      name: 'Requirements',
    },
  },
  'POST /v1/dossiers/{id}/sections/{sectionId}/submit': {
    summary: 'Hand in a section’s evidence',
    response: {
      status: 200,
      description: 'The dossier, and whether the file is now complete',
      schema: dossierViewSchema.extend({ complete: z.boolean() }),
      name: 'SectionSubmitted',
    },
  },
  'DELETE /v1/dossiers/{id}/uploads/{uploadId}': {
    summary: 'Withdraw an uploaded file',
    response: { status: 200, description: 'The withdrawn file', schema: uploadViewSchema, name: 'Upload' },
  },
  'GET /v1/dossiers/{id}/uploads/{uploadId}/download': { summary: 'Download an uploaded file', response: downloadLink },
  'POST /v1/referentials': {
    summary: 'Import a referential version',
    response: {
      status: 201,
      description: 'What was imported',
      schema: z.looseObject({
        version: z.string(),
        sections: z.number().int(),
        requirements: z.number().int(),
        current: z.boolean(),
      }),
      name: 'ReferentialImported',
    },
  },
  'POST /v1/dossiers/{id}/proofs/{uploadId}/review': {
    summary: 'Review a piece of evidence',
    response: {
      status: 200,
      description: 'The review',
      schema: z.looseObject({ uploadId: z.string(), requirementId: z.string().optional(), review: reviewView }),
      name: 'ReviewResult',
    },
  },
  'POST /v1/dossiers/{id}/ins-test-day': { summary: 'Propose the INS test day', response: dossier },
  'POST /v1/dossiers/{id}/ins-test-day/outcome': { summary: 'Record the INS test day’s outcome', response: dossier },
  'POST /v1/dossiers/{id}/instruction/complete': { summary: 'Close instruction with a report', response: dossier },
  'GET /v1/dossiers/{id}/convention': { summary: 'Download the convention', response: downloadLink },
  'POST /v1/dossiers/{id}/convention/sign': { summary: 'Sign the convention', response: dossier },
  'POST /v1/dossiers/{id}/decision/acknowledge': {
    summary: 'Acknowledge receipt of the decision',
    response: {
      status: 200,
      description: 'The decision with its dated receipt',
      schema: z.looseObject({ decision: decisionViewSchema }),
      name: 'DecisionAcknowledged',
    },
  },
  'POST /v1/dossiers/{id}/college-decision': {
    summary: 'The collège decides',
    response: {
      status: 200,
      description: 'The dossier’s status, its decision and, when issued, its certificate',
      schema: collegeDecisionResultSchema,
      name: 'CollegeDecisionResult',
    },
  },
  'GET /v1/college/agenda': {
    summary: 'The collège’s next session and its agenda',
    response: {
      status: 200,
      description: 'The session date and the dossiers ready',
      schema: page(queueItem).extend({ session: z.iso.date() }),
      name: 'Agenda',
    },
  },
  'POST /v1/dossiers/{id}/withdraw': { summary: 'Withdraw the candidature', response: dossier },
  'GET /v1/queue/export': {
    summary: 'Export a queue (CSV or XLSX)',
    response: { status: 200, description: 'The queue as a spreadsheet', content: 'text/csv' },
  },
  'GET /v1/public/certificates': {
    summary: 'The published list of certified systems',
    response: {
      status: 200,
      description: 'A page of certificates (CSV with Accept: text/csv)',
      schema: page(publicCertificateSchema),
      name: 'PublicCertificatePage',
    },
  },
  'GET /v1/public/certificates/{number}': {
    summary: 'Verify a certificate',
    response: {
      status: 200,
      description: 'The certificate as published',
      schema: publicCertificateSchema,
      name: 'PublicCertificate',
    },
  },
  'GET /v1/certificates/{number}/pdf': { summary: 'Download the certificate PDF', response: downloadLink },
  'GET /v1/certificates/{number}': { summary: 'A certificate and its life', response: certificate },
  'POST /v1/certificates/{number}/formal-notice': { summary: 'Serve a formal notice', response: certificate },
  'POST /v1/certificates/{number}/formal-notice/response': {
    summary: 'Answer a formal notice',
    response: certificate,
  },
  'POST /v1/certificates/{number}/formal-notice/close': { summary: 'Close a formal notice', response: certificate },
  'POST /v1/certificates/{number}/suspend': { summary: 'Suspend a certificate', response: certificate },
  'POST /v1/certificates/{number}/reinstate': { summary: 'Reinstate a certificate', response: certificate },
  'POST /v1/certificates/{number}/withdraw': { summary: 'Withdraw a certificate', response: certificate },
  'POST /v1/certificates/{number}/observations-notice': {
    summary: 'Invite observations (before a fraud termination)',
    response: certificate,
  },
  'POST /v1/certificates/{number}/observations': { summary: 'Submit observations', response: certificate },
  'POST /v1/certificates/{number}/terminate': { summary: 'Terminate the convention', response: certificate },
  'POST /v1/certificates/{number}/substantial-change': {
    summary: 'Declare a substantial change',
    response: certificate,
  },
  'POST /v1/certificates/{number}/renewal-candidature': {
    summary: 'Open a renewal candidature',
    response: {
      status: 201,
      description: 'The renewal draft',
      schema: z.looseObject({ id: z.string(), status: z.enum(DOSSIER_STATUSES), renewalOf: z.string() }),
      name: 'RenewalCreated',
    },
  },
};
