import { DOSSIER_REFERENCE_PATTERN } from '../domain/dossier-reference';
import { DOCUMENT_KINDS } from '../domain/document-job';
import * as z from 'zod';
import { DOSSIER_STATUSES } from '../domain/dossier-model';
import { CERTIFICATE_STATUSES } from '../domain/certificate';
import { PROFILE_CODES, USE_CASES } from '../domain/schemas';
import { NOTIFICATION_KINDS, RECEIPT_MEANS } from '../domain/notifications';
import { DECISION_OUTCOMES } from '../domain/decision';
import { PAUSE_REASONS } from '../domain/decision-clock';
import { SCAN_STATUSES, UPLOAD_PURPOSES, UPLOAD_STATUSES } from '../domain/upload';
import { DEADLINE_KINDS } from '../domain/legal-periods';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhook-events';
import { RETENTION_CATEGORIES } from '../domain/retention';

/**
 * What each route answers, as zod schemas: published in the OpenAPI document (the portal's typed
 * client is generated from it) and, in the integration tests, checked against every 2xx answer the
 * local stack gives (`VALIDATE_RESPONSES=1`). Objects are open (`looseObject`): the contract lets
 * the service add fields, and a client must not break on one.
 */
const instant = /* @__PURE__ */ z.iso.datetime({ offset: true });
const product = /* @__PURE__ */ z.object({ name: z.string(), version: z.string() });
const page = <T extends z.ZodType>(item: T) =>
  z.looseObject({ items: z.array(item), nextCursor: z.string().optional() });

/** Response shapes of v1.1 that clients rely on (published in the OpenAPI document's components). */
/** Voies et délais de recours: the text quoted in the mail and the PDF, and the last day once the receipt is known. */
export const appealViewSchema = /* @__PURE__ */ z.object({
  text: z.string().describe('voies et délais de recours (R.1470-4 al. 2)'),
  period: z.string().describe('ISO 8601 (P2M: CJA R.421-1)'),
  until: z.iso.datetime().optional().describe('receipt + 2 months, end of a working day'),
});
export const notificationViewSchema = /* @__PURE__ */ z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  subjectId: z.string().optional().describe('the information request or notice it communicates'),
  issuedAt: z.iso.datetime(),
  receivedAt: z.iso.datetime().optional(),
  receipt: z
    .enum(RECEIPT_MEANS)
    .nullable()
    .describe('opened by the company, deemed, or recorded by ANS (another means)'),
  deemedReceivedAt: z.iso
    .datetime()
    .nullable()
    .describe('RECEIPT_DEEMED_AFTER after issue; null while every contact of the company is undeliverable'),
  receiptHash: z.string().optional().describe('hash of the journal event that records the receipt'),
  recordedMeans: z.string().optional(),
});
export const decisionViewSchema = /* @__PURE__ */ z.object({
  outcome: z.enum(DECISION_OUTCOMES),
  decidedAt: z.iso.datetime(),
  decidedBy: z.string(),
  reasons: z.array(z.string()).optional(),
  reservations: z.array(z.string()).optional(),
  appeal: appealViewSchema,
  receivedAt: z.iso
    .datetime()
    .optional()
    .describe('the receipt of its notification: opened, acknowledged, deemed or recorded (R.1470-4 al. 2)'),
  receivedBy: z.string().optional(),
  receiptHash: z.string().optional().describe('hash of the journal event that records the receipt'),
});
export const decisionClockViewSchema = /* @__PURE__ */ z.object({
  state: z.enum(['running', 'suspended', 'stopped']),
  dueAt: z.iso
    .datetime()
    .optional()
    .describe('the deadline, once the working-day rule is applied (absent while suspended)'),
  suspendedDays: z.number().int().nonnegative().describe('whole Paris calendar days the clock stood still'),
  legalDueAt: z.iso.datetime().describe('raw legal instant, before the working-day rule'),
  pausedAt: z.iso.datetime().optional(),
  pauseReason: z.enum(PAUSE_REASONS).optional(),
  left: z.object({ days: z.number().int(), milliseconds: z.number().int() }).optional(),
  pauses: z.array(
    z.object({
      from: z.iso.datetime(),
      to: z.iso.datetime().optional(),
      reason: z.enum(PAUSE_REASONS),
    }),
  ),
});

export const deadlineSchema = /* @__PURE__ */ z.looseObject({
  kind: z.enum(DEADLINE_KINDS),
  dueAt: instant,
  legalBasis: z.string(),
});

const reviewView = /* @__PURE__ */ z.looseObject({
  verdict: z.enum(['compliant', 'non_compliant']),
  comment: z.string().optional(),
  at: instant,
});

export const uploadViewSchema = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  purpose: z.enum(UPLOAD_PURPOSES),
  requirementId: z.string().optional(),
  requestId: z.string().optional().describe('for an answer’s file: the information request it answers'),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  status: z.enum(UPLOAD_STATUSES),
  createdAt: instant,
  receivedAt: instant.optional(),
  rejectedAt: instant.optional(),
  rejectedReason: z.string().optional(),
  scan: z.looseObject({ status: z.enum(SCAN_STATUSES), at: instant }).optional(),
  review: reviewView.optional(),
});

const infoRequestView = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  stage: z.enum(['admissibility', 'instruction']),
  missingItems: z.array(z.string()),
  openedAt: instant,
  dueAt: instant,
  status: z.enum(['open', 'answered', 'lapsed']),
  answeredAt: instant.optional(),
  answer: z.string().optional(),
  answerUploadIds: z
    .array(z.string())
    .optional()
    .describe('the files joined to the answer: uploads with purpose `answer`, listed in `uploads`'),
});

const dossierCertificate = /* @__PURE__ */ z.looseObject({
  number: z.string(),
  status: z
    .enum(CERTIFICATE_STATUSES)
    .describe('the certificate’s status now (suspended, withdrawn…), not the dossier’s'),
  grantedAt: instant,
  grantedBy: z.enum(['college', 'tacit_acceptance']),
  withReservations: z.boolean(),
});

const component = /* @__PURE__ */ z.looseObject({
  name: z.string(),
  version: z.string(),
  nil: z.string().optional(),
  nie: z.string().optional(),
  description: z.string(),
});

/** `GET /v1/dossiers/{id}` and every command that answers with the dossier. */
export const dossierViewSchema = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  companyId: z.string(),
  /** the company's name, for ANS staff (GET /v1/dossiers/{id}) */
  companyName: z.string().optional(),
  /** what people read and search for (`CAND-2027-00042`); absent on dossiers filed before references */
  reference: z.string().regex(DOSSIER_REFERENCE_PATTERN).optional(),
  /** who at ANS has it in hand (staff only) */
  assignee: z.looseObject({ sub: z.string(), email: z.string().optional(), at: instant }).optional(),
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
  notifications: z.array(notificationViewSchema),
  sections: z.record(z.string(), z.looseObject({ status: z.literal('submitted'), submittedAt: instant })).optional(),
  receipt: z.looseObject({ at: instant, seq: z.number().int(), hash: z.string() }).optional(),
  decisionDueAt: instant.optional(),
  decisionClock: decisionClockViewSchema.optional(),
  /** once closed: when its personal data are erased, under which category (GET /v1/public/privacy) */
  retention: z
    .looseObject({
      category: z.enum(['draft_not_submitted', 'closed_without_certificate', 'certified']),
      from: instant,
      dueAt: instant,
      noticeAt: instant,
    })
    .optional(),
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
      heldOn: z.string().optional(),
      recordedAt: instant.optional(),
      comment: z.string().optional(),
    })
    .optional(),
  convention: z
    .looseObject({
      status: z.enum(['awaiting_signature', 'signed']),
      generatedAt: instant,
      signedAt: instant.optional(),
      signatoryName: z.string().optional(),
    })
    .optional(),
  certificate: dossierCertificate.optional(),
  decision: decisionViewSchema.optional(),
  uploads: z.array(uploadViewSchema),
  version: z.number().int(),
});

export const dossierSummarySchema = /* @__PURE__ */ z.looseObject({
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

export const publicCertificateSchema = /* @__PURE__ */ z.looseObject({
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
export const certificateSchema = /* @__PURE__ */ publicCertificateSchema.extend({
  notifications: z.array(notificationViewSchema),
  tacitReview: z
    .looseObject({
      until: instant.describe('CRPA L242-1: the grant may be withdrawn until then'),
      grounds: z.array(z.string()),
    })
    .optional(),
  renewal: z
    .looseObject({
      requiredBy: z.string().describe('YYYY-MM-DD: a renewal candidature must be submitted by the end of this day'),
      reason: z.enum(['substantial_change', 'new_referential']),
      dossierId: z.string().optional().describe('the renewal candidature submitted in time'),
      appliedAt: instant.optional(),
    })
    .optional(),
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
    nonRenewal: z
      .looseObject({ at: instant, party: z.enum(['company', 'ans']), reasons: z.array(z.string()) })
      .optional()
      .describe('notice against the convention’s tacit renewal: the certificate ends at the term'),
  }),
});

const queueItem = /* @__PURE__ */ z.looseObject({
  dossierId: z.string(),
  reference: z.string().regex(DOSSIER_REFERENCE_PATTERN).optional(),
  assignee: z.looseObject({ sub: z.string(), email: z.string().optional(), at: instant }).optional(),
  companyId: z.string(),
  companyName: z.string().describe('the company’s name, as registered'),
  product,
  since: instant,
  status: z.enum(DOSSIER_STATUSES),
  deadlines: z.array(deadlineSchema),
});

const link = /* @__PURE__ */ z.looseObject({ url: z.string(), expiresAt: instant });

const requirementsSchema = /* @__PURE__ */ z.looseObject({
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

const journalSchema = /* @__PURE__ */ z.looseObject({
  items: z.array(
    z.looseObject({
      seq: z.number().int(),
      type: z.string(),
      at: instant,
      actor: z.looseObject({ role: z.string() }),
      refs: z
        .looseObject({
          requestId: z.string().optional(),
          notificationId: z.string().optional(),
          messageId: z.string().optional(),
          uploadId: z.string().optional(),
          requirementId: z.string().optional(),
        })
        .optional()
        .describe(
          'what the event is about, by id only (an extension: the portal’s timeline shows the object beside it)',
        ),
      hash: z.string(),
      prevHash: z.string(),
      /** an RFC 3161 token over `hash` (events with legal weight, once the authority answered) */
      timestamp: z.looseObject({ token: z.base64(), tsa: z.string() }).optional(),
    }),
  ),
  head: z.looseObject({ seq: z.number().int(), hash: z.string() }),
  verified: z.boolean(),
  firstBrokenSeq: z.number().int().optional(),
});

/** A private note between staff (never shown to the company). */
const staffNote = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  dossierId: z.string(),
  by: z.looseObject({ sub: z.string(), role: z.string() }),
  body: z.string(),
  at: instant,
});
const messageView = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  dossierId: z.string(),
  from: z.looseObject({ side: z.enum(['candidate', 'ans']), role: z.string() }),
  body: z.string(),
  at: instant,
  attachments: z
    .array(
      z.looseObject({
        uploadId: z.string(),
        fileName: z.string(),
        contentType: z.string(),
        size: z.number().int(),
        sha256: z.string(),
      }),
    )
    .optional()
    .describe('the files sent with the message (uploads with purpose `attachment`; download them as any upload)'),
});

const partGrant = /* @__PURE__ */ z.looseObject({
  partNumber: z.number().int(),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
});

/** One presigned PUT for the file, or (asked with `parts`) one per part. */
export const uploadGrantSchema = /* @__PURE__ */ z.union([
  z.looseObject({
    uploadId: z.string(),
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: instant,
  }),
  z.looseObject({
    uploadId: z.string(),
    method: z.literal('PUT'),
    partSize: z.number().int(),
    parts: z.array(partGrant),
    expiresAt: instant,
  }),
]);

const multipartProgress = /* @__PURE__ */ z.looseObject({
  uploadId: z.string(),
  partSize: z.number().int(),
  expiresAt: instant,
  /** the parts storage holds with their announced SHA-256 */
  received: z.array(z.number().int()),
  /** a fresh presigned PUT for each part still to send */
  parts: z.array(partGrant),
});

export const collegeDecisionResultSchema = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  status: z.enum(DOSSIER_STATUSES),
  decision: decisionViewSchema.optional(),
  certificate: dossierCertificate.optional(),
  deadlines: z.array(deadlineSchema).optional(),
});

const apiClientView = /* @__PURE__ */ z.looseObject({
  clientId: z.string(),
  name: z.string(),
  createdAt: instant,
  revokedAt: instant.optional(),
});
const webhookView = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  status: z.enum(['active', 'disabled']),
  createdAt: instant,
  disabledAt: instant.optional(),
  disabledReason: z.string().optional(),
});
const webhookDeliveryView = /* @__PURE__ */ z.looseObject({
  id: z.string(),
  eventId: z.string(),
  type: z.enum(WEBHOOK_EVENT_TYPES),
  dossierId: z.string(),
  occurredAt: instant,
  status: z.enum(['pending', 'delivered', 'failed', 'dropped']),
  nextAttemptAt: instant.optional(),
  deliveredAt: instant.optional(),
  attempts: z.array(
    z.looseObject({
      at: instant,
      status: z.number().int().optional(),
      error: z.string().optional(),
      durationMs: z.number().int(),
    }),
  ),
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
/**
 * What each route answers on success, by operation: the route table (routes.ts) names one per
 * route, the OpenAPI document publishes it, and the integration suites check every 2xx against it.
 */
export const RESPONSES = {
  /** GET /health */
  health: { status: 200, description: 'Up', schema: z.object({ status: z.literal('ok') }) },
  /** GET /v1/openapi.json */
  openapi: { status: 200, description: 'The OpenAPI 3.1 document', schema: z.looseObject({ openapi: z.string() }) },
  /** POST /v1/companies */
  createCompany: { status: 201, description: 'The company’s id', schema: z.looseObject({ id: z.string() }) },
  /** POST /v1/dossiers */
  createDossier: {
    status: 201,
    description: 'The draft',
    schema: z.looseObject({ id: z.string(), status: z.enum(DOSSIER_STATUSES) }),
    name: 'Created',
  },
  /** GET /v1/dossiers */
  listDossiers: {
    status: 200,
    description: 'A page of dossiers',
    schema: page(dossierSummarySchema),
    name: 'DossierPage',
  },
  /** GET /v1/dossiers/{id} */
  getDossier: dossier,
  /** GET /v1/dossiers/{id}/journal */
  getJournal: { status: 200, description: 'The journal', schema: journalSchema, name: 'Journal' },
  /** PATCH /v1/dossiers/{id} */
  patchDossier: dossier,
  /** POST /v1/dossiers/{id}/uploads */
  createUpload: { status: 201, description: 'The upload grant', schema: uploadGrantSchema, name: 'UploadGrant' },
  /** GET /v1/dossiers/{id}/uploads/{uploadId}/parts */
  resumeMultipart: {
    status: 200,
    description: 'The parts received, and links for the others',
    schema: multipartProgress,
    name: 'MultipartProgress',
  },
  /** POST /v1/dossiers/{id}/uploads/{uploadId}/complete */
  completeMultipart: {
    status: 200,
    description: 'The file is assembled: the service checks it before it counts',
    schema: z.looseObject({ uploadId: z.string(), status: z.enum(UPLOAD_STATUSES) }),
    name: 'MultipartCompleted',
  },
  /** POST /v1/dossiers/{id}/submit */
  submitDossier: dossier,
  /** GET /v1/queue */
  listQueue: { status: 200, description: 'A page of the queue', schema: page(queueItem), name: 'QueuePage' },
  /** POST /v1/dossiers/{id}/admissibility */
  decideAdmissibility: {
    status: 200,
    description: 'The dossier’s new status',
    schema: z.looseObject({ status: z.enum(DOSSIER_STATUSES) }),
    name: 'StatusResult',
  },
  /** POST /v1/dossiers/{id}/info-requests */
  openInfoRequest: {
    status: 201,
    description: 'The request and its due instant',
    schema: z.looseObject({ requestId: z.string(), dueAt: instant }),
    name: 'InfoRequestOpened',
  },
  /** POST /v1/dossiers/{id}/info-requests/{requestId}/answer */
  answerInfoRequest: dossier,
  /** GET /v1/dossiers/{id}/messages */
  listMessages: { status: 200, description: 'A page of messages', schema: page(messageView), name: 'MessagePage' },
  /** POST /v1/dossiers/{id}/messages */
  postMessage: { status: 201, description: 'The message', schema: messageView, name: 'Message' },
  /** GET /v1/dossiers/{id}/notes */
  listStaffNotes: {
    status: 200,
    description: 'A page of staff notes, oldest first',
    schema: page(staffNote),
    name: 'StaffNotePage',
  },
  /** POST /v1/dossiers/{id}/notes */
  addStaffNote: { status: 201, description: 'The note', schema: staffNote, name: 'StaffNote' },
  /** GET /v1/dossiers/{id}/requirements */
  securityQueue: {
    status: 200,
    description: 'A page of proofs awaiting a security verdict, oldest first',
    schema: page(
      z.looseObject({
        dossierId: z.string(),
        uploadId: z.string(),
        requirementId: z.string().optional(),
        fileName: z.string(),
        receivedAt: instant,
        product,
        dossierStatus: z.enum(DOSSIER_STATUSES),
      }),
    ),
    name: 'SecurityQueuePage',
  },
  sensitiveEvidenceView: {
    status: 200,
    description: 'The dossier’s reference, product, status and sensitive requirements with their evidence',
    schema: requirementsSchema.extend({ id: z.string(), product, status: z.enum(DOSSIER_STATUSES) }),
    name: 'SensitiveEvidenceView',
  },
  getRequirements: {
    status: 200,
    description: 'Sections and requirements',
    schema: requirementsSchema,
    name: 'Requirements',
  },
  /** POST /v1/dossiers/{id}/sections/{sectionId}/submit */
  submitSection: {
    status: 200,
    description: 'The dossier, and whether the file is now complete',
    schema: dossierViewSchema.extend({ complete: z.boolean() }),
    name: 'SectionSubmitted',
  },
  /** DELETE /v1/dossiers/{id}/uploads/{uploadId} */
  withdrawUpload: { status: 200, description: 'The withdrawn file', schema: uploadViewSchema, name: 'Upload' },
  /** GET /v1/dossiers/{id}/uploads/{uploadId}/download */
  downloadUpload: downloadLink,
  /** POST /v1/referentials */
  importReferential: {
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
  /** POST /v1/dossiers/{id}/proofs/{uploadId}/review */
  reviewProof: {
    status: 200,
    description: 'The review',
    schema: z.looseObject({ uploadId: z.string(), requirementId: z.string().optional(), review: reviewView }),
    name: 'ReviewResult',
  },
  /** POST /v1/dossiers/{id}/ins-test-day */
  proposeInsTestDay: dossier,
  /** POST /v1/dossiers/{id}/ins-test-day/outcome */
  recordInsTestOutcome: dossier,
  /** POST /v1/dossiers/{id}/instruction/complete */
  completeInstruction: dossier,
  /** GET /v1/dossiers/{id}/convention */
  downloadConvention: downloadLink,
  /** GET /v1/dossiers/{id}/documents/{kind} */
  downloadNotifiedAct: downloadLink,
  /** GET /v1/dossiers/{id}/convention/evidence */
  downloadSignatureEvidence: downloadLink,
  /** POST /v1/dossiers/{id}/convention/sign */
  signConvention: dossier,
  /** POST …/notifications/{notificationId}/open and …/receipt */
  notificationReceived: {
    status: 200,
    description: 'The notification with its dated receipt (the first counts)',
    schema: notificationViewSchema,
    name: 'Notification',
  },
  /** POST /v1/dossiers/{id}/decision/acknowledge */
  acknowledgeDecision: {
    status: 200,
    description: 'The decision with its dated receipt',
    schema: z.looseObject({ decision: decisionViewSchema }),
    name: 'DecisionAcknowledged',
  },
  /** POST /v1/dossiers/{id}/college-decision */
  collegeDecision: {
    status: 200,
    description: 'The dossier’s status, its decision and, when issued, its certificate',
    schema: collegeDecisionResultSchema,
    name: 'CollegeDecisionResult',
  },
  /** GET /v1/college/agenda */
  collegeAgenda: {
    status: 200,
    description: 'The session date and the dossiers ready',
    schema: page(
      queueItem.extend({ decisionDueAt: instant.optional(), lastSessionBefore: z.iso.date().optional() }),
    ).extend({ session: z.iso.date() }),
    name: 'Agenda',
  },
  /** POST /v1/dossiers/{id}/withdraw */
  withdrawDossier: dossier,
  /** POST /v1/dossiers/{id}/assignment */
  assignDossier: dossier,
  /** POST /v1/dossiers/{id}/abandon */
  abandonDossier: dossier,
  /** GET /v1/queue/export */
  exportQueue: { status: 200, description: 'The queue as a spreadsheet', content: 'text/csv' },
  /** GET /v1/public/certificates */
  publicCertificates: {
    status: 200,
    description: 'A page of certificates (CSV with Accept: text/csv)',
    schema: page(publicCertificateSchema),
    name: 'PublicCertificatePage',
  },
  /** GET /v1/public/candidatures */
  publicCandidatures: {
    status: 200,
    description: 'A page of candidatures under way, by planned date of a complete evidence file',
    schema: page(
      z.looseObject({
        dossierId: z.string(),
        product,
        companyName: z.string(),
        plannedCompleteProofDate: z.string(),
        stage: z.enum(['admissibility', 'evidence', 'instruction']),
        since: instant,
      }),
    ),
    name: 'PublicCandidaturePage',
  },
  /** GET /v1/public/trust */
  publicTrust: {
    status: 200,
    description:
      'The certificates that check what the platform seals and timestamps (PEM, each list from the signer to its root)',
    schema: z.looseObject({
      sealCertificates: z.array(z.string().startsWith('-----BEGIN CERTIFICATE-----')),
      tsaCertificates: z.array(z.string().startsWith('-----BEGIN CERTIFICATE-----')),
    }),
    name: 'Trust',
  },
  /** GET /v1/public/documents/{sha256} */
  publicDocument: {
    status: 200,
    description: 'A document the platform issued, and the certificate it concerns as published today',
    schema: z.looseObject({
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      kind: z.enum(DOCUMENT_KINDS),
      issuedAt: instant,
      certificate: publicCertificateSchema.optional(),
    }),
    name: 'IssuedDocument',
  },
  /** GET /v1/public/certificates/{number} */
  publicCertificate: {
    status: 200,
    description: 'The certificate as published',
    schema: publicCertificateSchema,
    name: 'PublicCertificate',
  },
  /** GET /v1/certificates/{number}/pdf */
  downloadCertificate: downloadLink,
  /** GET /v1/certificates/{number} */
  getCertificate: certificate,
  /** POST /v1/certificates/{number}/formal-notice */
  certificateActionFormalNotice: certificate,
  /** POST /v1/certificates/{number}/formal-notice/response */
  certificateActionFormalNoticeResponse: certificate,
  /** POST /v1/certificates/{number}/formal-notice/close */
  certificateActionFormalNoticeClose: certificate,
  /** POST /v1/certificates/{number}/suspend */
  certificateActionSuspend: certificate,
  /** POST /v1/certificates/{number}/reinstate */
  certificateActionReinstate: certificate,
  /** POST /v1/certificates/{number}/withdraw */
  certificateActionWithdraw: certificate,
  /** POST /v1/certificates/{number}/observations-notice */
  certificateActionObservationsNotice: certificate,
  /** POST /v1/certificates/{number}/observations */
  certificateActionObservations: certificate,
  /** POST /v1/certificates/{number}/terminate */
  certificateActionTerminate: certificate,
  /** POST /v1/certificates/{number}/substantial-change */
  certificateActionSubstantialChange: certificate,
  /** POST /v1/certificates/{number}/non-renewal */
  certificateActionNonRenewal: certificate,
  /** POST /v1/certificates/{number}/renewal-required */
  certificateActionRenewalRequired: certificate,
  /** POST /v1/certificates/{number}/renewal-candidature */
  certificateActionRenewalCandidature: {
    status: 201,
    description: 'The renewal draft',
    schema: z.looseObject({ id: z.string(), status: z.enum(DOSSIER_STATUSES), renewalOf: z.string() }),
    name: 'RenewalCreated',
  },
  /** POST /v1/companies/{id}/api-clients */
  createApiClient: {
    status: 201,
    description: 'The client’s credentials: the secret is shown this once',
    schema: z.looseObject({ clientId: z.string(), clientSecret: z.string() }),
    name: 'ApiClientCredentials',
  },
  /** GET /v1/companies/{id}/api-clients */
  listApiClients: {
    status: 200,
    description: 'The company’s API clients',
    schema: page(apiClientView),
    name: 'ApiClients',
  },
  /** DELETE /v1/companies/{id}/api-clients/{clientId} */
  revokeApiClient: { status: 200, description: 'The revoked client', schema: apiClientView, name: 'ApiClient' },
  /** POST /v1/companies/{id}/webhooks */
  createWebhook: {
    status: 201,
    description: 'The subscription and its signing secret, shown this once',
    schema: webhookView.extend({ secret: z.string().startsWith('whsec_') }),
    name: 'WebhookCreated',
  },
  /** GET /v1/companies/{id}/webhooks */
  listWebhooks: { status: 200, description: 'The company’s webhooks', schema: page(webhookView), name: 'Webhooks' },
  /** DELETE /v1/companies/{id}/webhooks/{webhookId} */
  deleteWebhook: {
    status: 200,
    description: 'The deleted subscription',
    schema: z.looseObject({ id: z.string(), deleted: z.literal(true) }),
  },
  /** GET /v1/companies/{id}/webhooks/{webhookId}/deliveries */
  webhookDeliveries: {
    status: 200,
    description: 'The subscription’s latest deliveries (100), newest first',
    schema: z.looseObject({ webhook: webhookView, items: z.array(webhookDeliveryView) }),
    name: 'WebhookDeliveries',
  },
  /** GET /v1/me/data */
  myData: {
    status: 200,
    description: 'The caller’s own data, as JSON (RGPD art. 20)',
    schema: z.looseObject({
      generatedAt: instant,
      person: z.looseObject({ sub: z.string(), roles: z.array(z.string()), email: z.string().optional() }),
      companies: z.array(
        z.looseObject({
          id: z.string(),
          name: z.string(),
          as: z.array(z.string()),
          person: z
            .looseObject({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() })
            .optional(),
        }),
      ),
      dossiers: z.array(z.looseObject({ id: z.string(), product, status: z.enum(DOSSIER_STATUSES) })),
      messages: z.array(z.looseObject({ dossierId: z.string(), at: instant, body: z.string() })),
      notifications: z.array(z.looseObject({ dossierId: z.string(), kind: z.string(), issuedAt: instant })),
      downloads: z.array(z.looseObject({ dossierId: z.string(), at: instant, uploadId: z.string() })),
      acts: z.array(z.looseObject({ dossierId: z.string(), seq: z.number().int(), type: z.string(), at: instant })),
      requests: z.array(z.looseObject({ at: instant, kind: z.enum(['export', 'rectification']) })),
    }),
    name: 'MyData',
  },
  /** PUT /v1/companies/{id}/legal-representative */
  replaceLegalRepresentative: {
    status: 200,
    description: 'The company’s entries once the legal representative is replaced',
    schema: z.looseObject({
      id: z.string(),
      legalRepresentative: z.looseObject({
        firstName: z.string(),
        lastName: z.string(),
        email: z.string(),
        phone: z.string(),
      }),
      contact: z.looseObject({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() }),
    }),
    name: 'CompanyEntries',
  },
  /** PATCH /v1/me/contact */
  correctMyContact: {
    status: 200,
    description: 'Your corrected entries in your company’s record',
    schema: z.looseObject({
      items: z.array(
        z.looseObject({
          as: z.enum(['legalRepresentative', 'contact']),
          person: z.looseObject({ firstName: z.string(), lastName: z.string(), email: z.string(), phone: z.string() }),
        }),
      ),
    }),
    name: 'MyContact',
  },
  /** GET /v1/public/privacy */
  publicPrivacy: {
    status: 200,
    description: 'The controller, the purposes and the retention of each category',
    schema: z.looseObject({
      controller: z.looseObject({ name: z.string(), basis: z.string() }),
      purposes: z.array(z.string()),
      retention: z.array(
        z.looseObject({ category: z.enum(RETENTION_CATEGORIES), period: z.string(), basis: z.string() }),
      ),
    }),
    name: 'Privacy',
  },
} satisfies Record<string, ResponseSpec>;

export type ResponseName = keyof typeof RESPONSES;
