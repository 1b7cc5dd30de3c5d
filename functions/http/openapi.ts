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

const camel = (words: string) => words.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * A route's operationId: its handler's name, and for a handler that serves several routes (the
 * certificate actions) the path after the last parameter, so that every id is unique.
 */
const operationId = (route: RouteSpec) => {
  const shared = ROUTES.filter((r) => r.handler === route.handler).length > 1;
  const tail = route.path.split('}').at(-1)!.split('/').filter(Boolean).join('-');
  return camel(shared && tail ? `${route.handler}-${tail}` : route.handler);
};
import { ROUTES, type RouteSpec } from './routes';
import { OPERATIONS } from './response-schemas';

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

const pageQuery = [
  { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } },
  { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
];
const stageQuery = {
  name: 'stage',
  in: 'query',
  required: true,
  schema: { type: 'string', enum: ['admissibility', 'instruction', 'college'] },
};
/** The query parameters a route reads (pagination, queue stage, export format). */
const queryParameters: Record<string, object[]> = {
  'GET /v1/dossiers': pageQuery,
  'GET /v1/queue': [stageQuery, ...pageQuery],
  'GET /v1/dossiers/{id}/messages': pageQuery,
  'GET /v1/college/agenda': pageQuery,
  'GET /v1/public/certificates': pageQuery,
  'GET /v1/queue/export': [
    stageQuery,
    { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['csv', 'xlsx'] } },
  ],
};

/** OpenAPI 3.1 document built from the same zod schemas that validate requests. */
export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  const named: Record<string, z.ZodType> = {};
  for (const route of ROUTES) {
    const key = `${route.method} ${route.path}`;
    const body = requestBodies[key];
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const parameters = [
      ...params,
      ...(queryParameters[key] ?? []),
      ...(route.method === 'PATCH'
        ? [{ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' } }]
        : []),
    ];
    const spec = OPERATIONS[key];
    if (!spec) throw new Error(`no OpenAPI operation for ${key}`);
    if (spec.response.schema && spec.response.name) named[spec.response.name] = spec.response.schema;
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: spec.summary,
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: schema(body) } } } } : {}),
      responses: {
        [String(spec.response.status)]: {
          description: spec.response.description,
          ...(spec.response.schema
            ? {
                content: {
                  'application/json': {
                    schema: spec.response.name
                      ? { $ref: `#/components/schemas/${spec.response.name}` }
                      : z.toJSONSchema(spec.response.schema, { unrepresentable: 'any' }),
                  },
                },
              }
            : { content: { [spec.response.content ?? 'application/octet-stream']: { schema: { type: 'string' } } } }),
        },
        '4XX': {
          description: 'Problem (RFC 9457)',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Certification des SI de téléconsultation — API',
      version: '1.1.0',
      description: 'The HTTP contract of the certification platform (API.md v1.1).',
      license: { name: 'Licence Ouverte 2.0', url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/' },
    },
    servers: [{ url: '/', description: 'The API, on the portal’s origin' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: problemSchema,
        // the decision as a dossier and its acknowledgement show it (API.md v1.1)
        Decision: z.toJSONSchema(decisionViewSchema),
        DecisionClock: z.toJSONSchema(decisionClockViewSchema),
        ...Object.fromEntries(
          Object.entries(named).map(([name, s]) => [name, z.toJSONSchema(s, { unrepresentable: 'any' })]),
        ),
      },
    },
  };
};
