import * as z from 'zod';
import {
  admissibilitySchema,
  companyInputSchema,
  dossierCreateSchema,
  dossierPatchSchema,
  infoRequestAnswerSchema,
  infoRequestSchema,
  messageSchema,
  referentialImportSchema,
  reviewSchema,
  insTestProposalSchema,
  insTestOutcomeSchema,
  conventionSignSchema,
  collegeDecisionSchema,
  formalNoticeSchema,
  noticeResponseSchema,
  observationsSchema,
  observationsNoticeSchema,
  closeNoticeSchema,
  completeInstructionSchema,
  terminateSchema,
  substantialChangeSchema,
  uploadRequestSchema,
  decisionViewSchema,
  decisionClockViewSchema,
} from '../domain/schemas';
import { DOSSIER_STATUSES } from '../domain/dossier';
import { ROUTES } from './routes';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    legalBasis: { type: 'string', description: 'the rule’s legal basis, on a refusal that rests on one' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

export const requestBodies: Record<string, z.ZodType> = {
  'POST /v1/companies': companyInputSchema,
  'POST /v1/dossiers': dossierCreateSchema,
  'PATCH /v1/dossiers/{id}': dossierPatchSchema,
  'POST /v1/dossiers/{id}/uploads': uploadRequestSchema,
  'POST /v1/dossiers/{id}/admissibility': admissibilitySchema,
  'POST /v1/dossiers/{id}/info-requests': infoRequestSchema,
  'POST /v1/dossiers/{id}/info-requests/{requestId}/answer': infoRequestAnswerSchema,
  'POST /v1/dossiers/{id}/messages': messageSchema,
  'POST /v1/referentials': referentialImportSchema,
  'POST /v1/dossiers/{id}/proofs/{uploadId}/review': reviewSchema,
  'POST /v1/dossiers/{id}/ins-test-day': insTestProposalSchema,
  'POST /v1/dossiers/{id}/ins-test-day/outcome': insTestOutcomeSchema,
  'POST /v1/dossiers/{id}/convention/sign': conventionSignSchema,
  'POST /v1/dossiers/{id}/college-decision': collegeDecisionSchema,
  'POST /v1/certificates/{number}/formal-notice': formalNoticeSchema,
  'POST /v1/certificates/{number}/formal-notice/response': noticeResponseSchema,
  'POST /v1/certificates/{number}/observations-notice': observationsNoticeSchema,
  'POST /v1/certificates/{number}/observations': observationsSchema,
  'POST /v1/certificates/{number}/formal-notice/close': closeNoticeSchema,
  'POST /v1/dossiers/{id}/instruction/complete': completeInstructionSchema,
  'POST /v1/certificates/{number}/terminate': terminateSchema,
  'POST /v1/certificates/{number}/substantial-change': substantialChangeSchema,
};

const jsonContent = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });
const responseFor: Record<string, Record<string, unknown>> = {
  'POST /v1/dossiers/{id}/decision/acknowledge': {
    description: 'The decision with its dated receipt',
    content: {
      'application/json': {
        schema: { type: 'object', properties: { decision: { $ref: '#/components/schemas/Decision' } } },
      },
    },
  },
  'POST /v1/dossiers/{id}/college-decision': {
    description: 'The dossier’s status, its decision and, when issued, its certificate',
    ...jsonContent('#/components/schemas/CollegeDecisionResult'),
  },
};

/** OpenAPI 3.1 document built from the same zod schemas that validate requests. */
export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const key = `${route.method} ${route.path}`;
    const body = requestBodies[key];
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: route.handler,
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(params.length ? { parameters: params } : {}),
      ...(route.method === 'PATCH'
        ? { parameters: [...params, { name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }] }
        : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(body) } } } } : {}),
      responses: {
        '2XX': responseFor[key] ?? { description: 'Success' },
        '4XX': {
          description: 'Problem',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Certification des SI de téléconsultation — API', version: '1.1.0' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: problemSchema,
        DossierStatus: { type: 'string', enum: [...DOSSIER_STATUSES] },
        Decision: z.toJSONSchema(decisionViewSchema),
        DecisionClock: z.toJSONSchema(decisionClockViewSchema),
        CollegeDecisionResult: {
          type: 'object',
          required: ['id', 'status'],
          properties: {
            id: { type: 'string' },
            status: { $ref: '#/components/schemas/DossierStatus' },
            decision: { $ref: '#/components/schemas/Decision' },
            certificate: { type: 'object' },
          },
        },
      },
    },
  };
};
