import * as z from 'zod';
import { isValidSiret, isValidVatNumber, normaliseVat } from './identifiers';
import { FAULT_CASES } from './termination';
import { COLLEGE_OUTCOMES } from './decision';
import { ROLES_BY_PRIVILEGE } from './roles';
import { UPLOAD_PURPOSES } from './upload-purposes';
import { MAX_MESSAGE_ATTACHMENTS, MAX_UPLOAD_BYTES, MULTIPART_PART_BYTES } from './upload-rules';
import { CERTIFICATE_NUMBER_PATTERN } from './certificate-number';
import { MAX_WEBHOOK_URL_LENGTH, WEBHOOK_EVENT_TYPES } from './webhook-events';

/** Request and resource schemas: the single source of validation and of the OpenAPI document. */

/** A lone UTF-16 surrogate (a broken character) in a u-mode regex. */
const LONE_SURROGATE = /\p{Cs}/u;
/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1): NUL truncates text in
 * some readers and ESC starts ANSI sequences in a terminal reading the logs. Refused in all text.
 */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** Characters that reorder or hide text: refused in names shown to others (public list, mails). */
const INVISIBLE_OR_BIDI = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** Free text: well-formed Unicode, NFC-normalised, trimmed, bounded. */
/**
 * Free text: NFC-normalised and trimmed, 1 to `max` characters. The bounds are stated on the input
 * side too, so that the published JSON Schema carries them (a transform hides the output's).
 */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((v) => !LONE_SURROGATE.test(v), 'contains a broken character (lone UTF-16 surrogate)')
    .refine((v) => !CONTROL.test(v), 'contains a control character (NUL, escape…)')
    .transform((v) => v.normalize('NFC').trim())
    .pipe(z.string().min(1).max(max));

/** A name others will see (product, company, component): free text without bidi or invisible controls. */
const displayName = (max: number) =>
  text(max).refine((v) => !INVISIBLE_OR_BIDI.test(v), 'contains invisible or text-direction control characters');
const email = /* @__PURE__ */ z.email().max(254);
const phone = /* @__PURE__ */ z
  .string()
  .max(32)
  .trim()
  .regex(/^\+?[0-9 .()-]{6,20}$/, 'must be a phone number');

export const personSchema = /* @__PURE__ */ z
  .object({ firstName: displayName(100), lastName: displayName(100), email, phone })
  .strict();

export const companyInputSchema = /* @__PURE__ */ z
  .object({
    name: displayName(200),
    siret: z.string().max(32).trim().refine(isValidSiret, 'must be 14 digits and Luhn-valid').optional(),
    vatNumber: z
      .string()
      .max(32)
      .trim()
      .refine(isValidVatNumber, 'must be an intra-EU VAT number (country prefix and format)')
      .transform(normaliseVat)
      .optional(),
    legalRepresentative: personSchema,
    contact: personSchema,
  })
  .strict()
  .refine((c) => (c.siret === undefined) !== (c.vatNumber === undefined), {
    message: 'exactly one of siret or vatNumber is required',
    path: ['siret'],
  });
export type CompanyInput = z.infer<typeof companyInputSchema>;

export const USE_CASES = ['teleconsultation_company', 'health_facility', 'city_practice'] as const;
export const PROFILE_CODES = [
  'general',
  'identity_referential',
  'identity_referential_insi_card',
  'identity_consumer',
  'ciba',
  'e_prescription',
  'hds_third_party',
  'hds_self_hosted',
] as const;
export type UseCase = (typeof USE_CASES)[number];
export type ProfileCode = (typeof PROFILE_CODES)[number];

const isoDate = /* @__PURE__ */ z.iso.date().max(10);
/** An instant with its offset (RFC 3339), bounded as published. */
const isoInstant = /* @__PURE__ */ z.iso.datetime({ offset: true }).max(40);
const cndaNumber = /* @__PURE__ */ z
  .string()
  .max(64)
  .trim()
  .regex(/^[A-Za-z0-9-]{1,40}$/, 'must be a CNDA number');

export const componentSchema = /* @__PURE__ */ z
  .object({
    name: displayName(200),
    version: displayName(50),
    nil: cndaNumber.optional(),
    nie: cndaNumber.optional(),
    description: text(2000),
  })
  .strict();

export const groupSchema = /* @__PURE__ */ z
  .object({
    /** the company filing is the group's lead (chef de file) and holds mandates from members */
    members: z
      .array(z.object({ name: text(200), siret: z.string().max(32).refine(isValidSiret).optional() }).strict())
      .min(1)
      .max(20),
  })
  .strict();

/**
 * A candidature's fields (guide §4.2), declared once: the create schema, the patch schema (every
 * field optional, `null` clears an optional one), the `Dossier` type and the renewal prefill all
 * come from these two lists.
 */
const keysOf = (...shapes: object[]) => shapes.flatMap((shape) => Object.keys(shape));
const requiredDossierFields = {
  product: /* @__PURE__ */ z.object({ name: displayName(200), version: displayName(50) }).strict(),
  useCase: /* @__PURE__ */ z.enum(USE_CASES),
  profiles: /* @__PURE__ */ z
    .array(z.enum(PROFILE_CODES))
    .max(PROFILE_CODES.length)
    .refine((p) => new Set(p).size === p.length, 'profiles must not repeat'),
};
const optionalDossierFields = {
  plannedCompleteProofDate: isoDate,
  publishPlannedDate: /* @__PURE__ */ z.boolean(),
  nie: cndaNumber,
  nil: cndaNumber,
  deployedInTeleconsultationCompany: /* @__PURE__ */ z.boolean(),
  commitment: /* @__PURE__ */ z.boolean(),
  components: /* @__PURE__ */ z.array(componentSchema).max(50),
  group: groupSchema,
};

/** The candidature's field names, for what copies a candidature (renewal prefill). */
export const DOSSIER_FIELD_NAMES = /* @__PURE__ */ keysOf(
  requiredDossierFields,
  optionalDossierFields,
) as (keyof DossierCreateInput)[];

const mapShape = <T extends Record<string, z.ZodType>, R extends z.ZodType>(shape: T, f: (s: T[keyof T]) => R) =>
  Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, f(v as T[keyof T])])) as { [K in keyof T]: R };

export const dossierCreateSchema = /* @__PURE__ */ z
  .object({
    ...requiredDossierFields,
    ...(mapShape(optionalDossierFields, (s) => s.optional()) as {
      [K in keyof typeof optionalDossierFields]: z.ZodOptional<(typeof optionalDossierFields)[K]>;
    }),
  })
  .strict();
export type DossierCreateInput = z.infer<typeof dossierCreateSchema>;

/** PATCH: every field optional; `null` clears an optional field. */
export const dossierPatchSchema = /* @__PURE__ */ z
  .object({
    ...(mapShape(requiredDossierFields, (s) => s.optional()) as {
      [K in keyof typeof requiredDossierFields]: z.ZodOptional<(typeof requiredDossierFields)[K]>;
    }),
    ...(mapShape(optionalDossierFields, (s) => s.nullable().optional()) as {
      [K in keyof typeof optionalDossierFields]: z.ZodOptional<z.ZodNullable<(typeof optionalDossierFields)[K]>>;
    }),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'the patch changes nothing');
export type DossierPatchInput = z.infer<typeof dossierPatchSchema>;

const sha256Digest = /* @__PURE__ */ z
  .string()
  .max(44)
  .regex(/^[A-Za-z0-9+/]{43}=$/, 'must be the base64 of a SHA-256 digest');

export const uploadRequestSchema = /* @__PURE__ */ z
  .object({
    purpose: z.enum(UPLOAD_PURPOSES),
    requirementId: z
      .string()
      .max(80)
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,64}$/)
      .optional(),
    /** the information request an `answer` file is joined to */
    requestId: z
      .string()
      .max(64)
      .regex(/^[A-Za-z0-9-]{1,64}$/)
      .optional(),
    /** a mandate's member: its SIRET or its name as declared in the group (matched at submission) */
    groupMember: text(200).optional(),
    fileName: text(255),
    contentType: z.string().trim().toLowerCase().max(127),
    size: z.number().int().positive(),
    sha256: sha256Digest,
    /**
     * Asks for a multipart upload: the SHA-256 (base64) of each part, in order, the file cut in
     * parts of MULTIPART_PART_BYTES (the last one shorter). Without it, one presigned PUT.
     */
    parts: z
      .array(sha256Digest)
      .min(2)
      .max(Math.ceil(MAX_UPLOAD_BYTES / MULTIPART_PART_BYTES))
      .optional(),
  })
  .strict()
  .refine((u) => u.purpose !== 'proof' || u.requirementId !== undefined, {
    message: 'requirementId is required for a proof',
    path: ['requirementId'],
  })
  .refine((u) => u.purpose !== 'answer' || u.requestId !== undefined, {
    message: 'requestId is required for a file joined to an answer',
    path: ['requestId'],
  })
  .refine((u) => u.purpose === 'mandate' || u.groupMember === undefined, {
    message: 'groupMember names the member a mandate is from: for mandates only',
    path: ['groupMember'],
  });
export type UploadRequest = z.infer<typeof uploadRequestSchema>;

export const admissibilitySchema = /* @__PURE__ */ z
  .object({
    decision: z.enum(['admissible', 'incomplete', 'inadmissible']),
    missingItems: z.array(text(500)).max(50).optional(),
    /** the candidature's own fields the company may correct while the request is open (PATCH) */
    fields: z
      .array(z.enum(DOSSIER_FIELD_NAMES as [string, ...string[]]))
      .max(20)
      .optional(),
    reasons: z.array(text(2000)).max(50).optional(),
    pieces: z
      .array(
        z
          .object({
            uploadId: z.string().min(1).max(64),
            verdict: z.enum(['compliant', 'non_compliant']),
            comment: text(2000).optional(),
          })
          .strict(),
      )
      .max(100)
      .optional(),
  })
  .strict()
  .refine((a) => a.decision !== 'incomplete' || (a.missingItems?.length ?? 0) > 0, {
    message: 'list the missing items of an incomplete candidature',
    path: ['missingItems'],
  })
  .refine((a) => a.decision !== 'inadmissible' || (a.reasons?.length ?? 0) > 0, {
    message: 'an inadmissibility decision states its reasons (R.1470-4 al. 2)',
    path: ['reasons'],
  });

export const infoRequestSchema = /* @__PURE__ */ z.object({ missingItems: z.array(text(500)).min(1).max(50) }).strict();
/** ANS records how it reached a company its mail could not reach (API.md [1.2] Notifications). */
export const receiptRecordSchema = /* @__PURE__ */ z
  .object({
    receivedAt: isoInstant.describe('when the company received it (an RFC 3339 instant)'),
    means: text(500).describe('how: registered letter with acknowledgement, hand delivery…'),
  })
  .strict();

export const infoRequestAnswerSchema = /* @__PURE__ */ z
  .object({
    message: text(10_000),
    /** files deposited with purpose `answer` for this request, joined to the answer */
    uploadIds: z
      .array(
        z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9-]{1,64}$/),
      )
      .max(50)
      .optional(),
  })
  .strict();
export const messageSchema = /* @__PURE__ */ z
  .object({
    body: text(10_000),
    /** uploads of the sender deposited with purpose `attachment`, received (an extension of the contract) */
    attachments: z
      .array(
        z
          .string()
          .max(64)
          .regex(/^[A-Za-z0-9-]{1,64}$/),
      )
      .max(MAX_MESSAGE_ATTACHMENTS)
      .optional(),
  })
  .strict();

export const referentialImportSchema = /* @__PURE__ */ z
  .object({
    version: z
      .string()
      .max(20)
      .regex(/^\d+\.\d+(\.\d+)?$/, 'must look like 1.5.0'),
    format: z.enum(['csv', 'xlsx']),
    content: z.base64().min(1).max(200_000),
    matrixFrom: z
      .string()
      .max(20)
      .regex(/^\d+\.\d+(\.\d+)?$/)
      .optional(),
    current: z.boolean().optional(),
    /** holders of certificates on earlier versions must apply again by this date */
    renewalRequiredBy: isoDate.optional(),
    /** the decision period for files under this version (ISO 8601; R.1470-4's P6M unless an arrêté says less) */
    decisionPeriod: z
      .string()
      .max(10)
      .regex(/^P(\d+[YMWD]){1,3}$/, 'an ISO 8601 period of years, months, weeks or days, such as P6M')
      .optional(),
  })
  .strict();

export const reviewSchema = /* @__PURE__ */ z
  .object({ verdict: z.enum(['compliant', 'non_compliant']), comment: text(4000).optional() })
  .strict();
export const insTestProposalSchema = /* @__PURE__ */ z.object({ proposedDate: isoDate }).strict();
export const insTestOutcomeSchema = /* @__PURE__ */ z
  .object({
    outcome: z.enum(['passed', 'failed', 'waived']),
    /** the day the test took place: the 4-week clock stops there, however late it is recorded */
    heldOn: isoDate.optional(),
    comment: text(4000).optional(),
  })
  .strict()
  .refine((o) => o.outcome !== 'waived' || o.comment !== undefined, {
    message: 'say why the INS proofs are enough without a test day',
    path: ['comment'],
  });
export const conventionSignSchema = /* @__PURE__ */ z
  .object({
    signatoryName: displayName(200),
    productVersion: displayName(50).optional(),
    /** the SHA-256 (hex) of the convention PDF the signatory read: checked when sent (409 if it is not the current one) */
    conventionSha256: z
      .string()
      .length(64)
      .regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 in hexadecimal (64 characters)')
      .optional(),
  })
  .strict();
export const collegeDecisionSchema = /* @__PURE__ */ z
  .object({
    decision: z.enum(COLLEGE_OUTCOMES),
    reasons: z.array(text(2000)).max(50).optional(),
    reservations: z.array(text(2000)).max(50).optional(),
  })
  .strict()
  .refine((d) => d.decision !== 'refused' || (d.reasons?.length ?? 0) > 0, {
    message: 'a refusal states its reasons',
    path: ['reasons'],
  })
  .refine((d) => d.decision !== 'certified_with_reservations' || (d.reservations?.length ?? 0) > 0, {
    message: 'list the reservations',
    path: ['reservations'],
  });

export const formalNoticeSchema = /* @__PURE__ */ z
  .object({ nonConformities: z.array(text(2000)).min(1).max(50), respondBy: isoInstant })
  .strict();
export const noticeResponseSchema = /* @__PURE__ */ z.object({ message: text(10_000) }).strict();
/** A sanction's reasons (API.md [1.2]): `reasons`, or v1.1's single `reason` counted as one. */
const reasonFields = {
  reasons: /* @__PURE__ */ z.array(text(2000)).min(1).max(50).optional(),
  reason: /* @__PURE__ */ text(2000).optional(),
};
const statesItsReasons = (body: { reasons?: string[] | undefined; reason?: string | undefined }) =>
  Boolean(body.reasons?.length || body.reason);
const REASONS_REQUIRED = { message: 'a sanction states its reasons', path: ['reasons'] };
export const sanctionSchema = /* @__PURE__ */ z
  .object(reasonFields)
  .strict()
  .refine(statesItsReasons, REASONS_REQUIRED);
/** A withdrawal: after a lapsed notice (R.1470-9), or of a grant by silence under CRPA L242-1. */
export const withdrawSchema = /* @__PURE__ */ z
  .object({
    ...reasonFields,
    basis: z.enum(['L242-1']).optional().describe('L242-1: the withdrawal of a tacit acceptance within 4 months'),
  })
  .strict()
  .refine(statesItsReasons, REASONS_REQUIRED);
/** Reinstatement may say why; it is no sanction. */
export const reinstateSchema = /* @__PURE__ */ z.object(reasonFields).strict();
/** The reasons a body states, v1.1's `reason` included. */
export const reasonsOf = (body: { reasons?: string[] | undefined; reason?: string | undefined } | undefined) =>
  body?.reasons ?? (body?.reason ? [body.reason] : []);
export const observationsNoticeSchema = /* @__PURE__ */ z
  .object({ facts: text(10_000), respondBy: isoInstant })
  .strict();
export const observationsSchema = /* @__PURE__ */ z.object({ text: text(10_000) }).strict();
export const closeNoticeSchema = /* @__PURE__ */ z.object({ noticeId: z.string().min(1).max(64).optional() }).strict();
export const terminateSchema = /* @__PURE__ */ z
  .object({
    ground: z.enum(['by_operation_of_law', 'fraud', 'fault']),
    ...reasonFields,
    faultCase: z.enum(FAULT_CASES).optional(),
  })
  .strict()
  .refine(statesItsReasons, REASONS_REQUIRED)
  .refine((t) => t.ground !== 'fault' || t.faultCase !== undefined, {
    message: 'termination for fault names its case',
    path: ['faultCase'],
  });
/** An instructor closes a complete file whose convention went unsigned for six months. */
export const abandonDossierSchema = /* @__PURE__ */ z.object({ reasons: z.array(text(2000)).min(1).max(50) }).strict();
/** ANS requires a renewal by a date (R.1470-11): a substantial change it recorded, or a new referential. */
export const renewalRequiredSchema = /* @__PURE__ */ z
  .object({
    requiredBy: isoDate,
    reason: z.enum(['substantial_change', 'new_referential']),
    details: text(10_000),
  })
  .strict();
export const substantialChangeSchema = /* @__PURE__ */ z.object({ description: text(10_000) }).strict();
/** A notice against the convention's tacit renewal states why. */
export const nonRenewalSchema = /* @__PURE__ */ z.object({ reasons: z.array(text(2000)).min(1).max(20) }).strict();
export const renewalCandidatureSchema = /* @__PURE__ */ z
  .object({ productVersion: displayName(50).optional() })
  .strict();
export const completeInstructionSchema = /* @__PURE__ */ z
  .object({
    outcome: z.enum(['favourable', 'unfavourable']).optional(),
    nonConformities: z.array(text(2000)).max(100).optional(),
    exceptional: z.boolean().optional(),
  })
  .strict();
export const isCertificateNumber = (value: string) => CERTIFICATE_NUMBER_PATTERN.test(value);

export { QUEUE_STAGES, type QueueStage } from './queue-stages';

export { ROLES, type Role } from './roles';

export const localTokenRequestSchema = /* @__PURE__ */ z
  .object({
    role: z.enum(ROLES_BY_PRIVILEGE),
    /** local only: a token holding several groups (the first-listed `role` must be among them) */
    roles: z.array(z.enum(ROLES_BY_PRIVILEGE)).min(1).max(ROLES_BY_PRIVILEGE.length).optional(),
    sub: text(128),
    email: email.optional(),
    ensId: text(64).optional(),
  })
  .strict()
  .refine((t) => (t.role !== 'candidate' && !t.roles?.includes('candidate')) || t.ensId !== undefined, {
    message: 'a candidate token needs ensId',
    path: ['ensId'],
  })
  .refine((t) => !t.roles || t.roles.includes(t.role), { message: 'roles must include role', path: ['roles'] });

/** `POST /_local/tsa/availability`: plays an outage of the local timestamp authority */
export const tsaAvailabilitySchema = /* @__PURE__ */ z.strictObject({ available: /* @__PURE__ */ z.boolean() });

export const clockAdvanceSchema = /* @__PURE__ */ z
  .object({
    /** an ISO 8601 duration, added in Paris calendar time */
    advance: z
      .string()
      .max(64)
      .regex(/^P(?!$)/, 'must be an ISO 8601 duration')
      .optional(),
    /** an RFC 3339 instant ahead of the clock (a pinned date, whatever day the tests run) */
    to: z.iso.datetime({ offset: true }).optional(),
    /** "hold": move the clock but let no timer fire until the next move (a late wake-up) */
    timers: z.enum(['fire', 'hold']).optional(),
  })
  .strict()
  .refine((body) => (body.advance === undefined) !== (body.to === undefined), {
    message: 'give either advance or to',
  });

/** POST /v1/companies/{id}/api-clients: what the company calls its tool. */
export const apiClientCreateSchema = /* @__PURE__ */ z.object({ name: displayName(80) }).strict();

/** POST /v1/companies/{id}/webhooks: where to POST, which events (the URL's safety is the domain's rule). */
export const webhookCreateSchema = /* @__PURE__ */ z
  .object({
    url: z.string().trim().min(1).max(MAX_WEBHOOK_URL_LENGTH),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).min(1).max(WEBHOOK_EVENT_TYPES.length),
  })
  .strict();

/** PUT /v1/companies/{id}/legal-representative: ANS support records a new legal representative, and why. */
export const legalRepresentativeSchema = /* @__PURE__ */ z
  .object({ legalRepresentative: personSchema, reason: text(1000) })
  .strict();
export type LegalRepresentativeInput = z.infer<typeof legalRepresentativeSchema>;

/** POST /v1/dossiers/{id}/assignment: take the dossier in charge, or give it back. */
export const assignmentSchema = /* @__PURE__ */ z.object({ action: z.enum(['take', 'release']) }).strict();

/** POST /v1/dossiers/{id}/notes: a private note between ANS staff. */
export const staffNoteSchema = /* @__PURE__ */ z.object({ body: text(4000) }).strict();

/** PATCH /v1/me/contact: a person corrects their own name or phone (at least one). */
export const contactCorrectionSchema = /* @__PURE__ */ z
  .object({ firstName: displayName(100).optional(), lastName: displayName(100).optional(), phone: phone.optional() })
  .strict()
  .refine((v) => v.firstName !== undefined || v.lastName !== undefined || v.phone !== undefined, {
    message: 'give at least one of firstName, lastName, phone',
  });
