import * as z from 'zod';

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
import { ifMatchHeaderSchema, pathParameterSchema } from './request';
import { problemTexts } from './problem-texts';
import { PROBLEM_TYPES } from '../domain/errors';
import { decisionClockViewSchema, decisionViewSchema, RESPONSES, type ResponseSpec } from './response-schemas';

/** zod's issue codes (kebab-case) */
const ZOD_CODES = [
  'invalid-type',
  'too-big',
  'too-small',
  'invalid-format',
  'not-multiple-of',
  'unrecognized-keys',
  'invalid-union',
  'invalid-key',
  'invalid-element',
  'invalid-value',
  'custom',
];

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

/** Every stable problem code: the catalogue's, each problem type's own, and zod's field codes. */
const PROBLEM_CODES = [
  ...new Set([...problemTexts().map(([code]) => code), ...PROBLEM_TYPES, 'internal', 'invalid']),
].sort();
const FIELD_CODES = [...new Set([...problemTexts().map(([code]) => code), ...ZOD_CODES, 'invalid'])].sort();

const problemSchema = {
  type: 'object',
  required: ['type', 'code', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    code: {
      type: 'string',
      enum: PROBLEM_CODES,
      description:
        'stable and kebab-case: what a client tests (`detail` is for people, in French unless Accept-Language: en)',
    },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string', description: 'in French by default; `Accept-Language: en` gives English' },
    legalBasis: { type: 'string', description: 'the rule’s legal basis, on a refusal that rests on one' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: {
          path: { type: 'string', description: 'the client’s field name, e.g. product.name' },
          code: { type: 'string', enum: FIELD_CODES },
          message: { type: 'string', description: 'in the language of `detail`' },
        },
      },
    },
  },
};

/** OpenAPI 3.1 document built from the same zod schemas that validate requests. */
export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  const named: Record<string, z.ZodType> = {};
  for (const route of ROUTES) {
    const body = route.body;
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: pathParameterSchema(m[1]!),
    }));
    const parameters = [
      ...params,
      ...(route.query ?? []),
      ...(route.ifMatch ? [{ name: 'If-Match', in: 'header', required: true, schema: ifMatchHeaderSchema() }] : []),
    ];
    const spec = { ...route, response: RESPONSES[route.response] as ResponseSpec };
    if (spec.response.schema && spec.response.name) named[spec.response.name] = spec.response.schema;
    (paths[route.path] ??= {})[route.method.toLowerCase()] = {
      operationId: operationId(route),
      summary: spec.summary,
      ...(route.auth ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(body
        ? {
            requestBody: {
              required: !route.optionalBody,
              content: { 'application/json': { schema: schema(body) } },
            },
          }
        : {}),
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
