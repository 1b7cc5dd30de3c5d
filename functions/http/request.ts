import type { FieldError } from '../domain/errors';
import { zodCode, zodMessageFr } from './problem-language';
import type { z } from 'zod';
import {
  BadRequestError,
  ForbiddenError,
  PayloadTooLargeError,
  PreconditionRequiredError,
  UnauthorizedError,
  UnsupportedMediaTypeError,
} from '../domain/errors';
import type { Caller } from '../domain/caller';
import { actingRole, dutiesConflict, isRole } from '../domain/roles';
import { CERTIFICATE_NUMBER_PATTERN } from '../domain/certificate-number';
import { API_CLIENT_SCOPE, clientSubject } from '../domain/api-clients';
import type { HttpEvent } from './types';
import type { RouteSpec } from './routes';

/** JSON bodies are small: evidence never passes through a handler (it goes straight to S3). */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Reads the caller from the JWT claims that the authoriser (Cognito in AWS, jose locally) verified.
 * A token with several roles acts with the least privileged one unless its route says otherwise.
 */
/** The verified claims: a JWT authoriser's (the local server's) or the Lambda authoriser's context. */
const claimsOf = (event: HttpEvent): Record<string, unknown> | undefined => {
  const authorizer = event.requestContext.authorizer as
    { jwt?: { claims?: Record<string, unknown> }; lambda?: Record<string, unknown> } | undefined;
  return authorizer?.jwt?.claims ?? authorizer?.lambda;
};

export const callerOf = (event: HttpEvent, route?: RouteSpec): Caller => {
  const claims = claimsOf(event);
  if (!claims?.sub) throw new UnauthorizedError('a valid bearer token is required');
  // access tokens only: an ID token says who someone is to the portal, not what the API may do
  if (claims.token_use !== 'access') throw new UnauthorizedError('send an access token');
  // a company's API client (client-credentials grant): no groups, the resource server's scope; it
  // acts as a candidate of the company its record names (verifyApiClient), never of a claim
  const scopes = String(claims.scope ?? '').split(' ');
  if (claims['cognito:groups'] === undefined && scopes.includes(API_CLIENT_SCOPE)) {
    const clientId = String(claims.client_id ?? '');
    if (!clientId || String(claims.sub) !== clientId) throw new UnauthorizedError('a valid bearer token is required');
    return { sub: clientSubject(clientId), roles: ['candidate'], clientId };
  }
  const raw = claims['cognito:groups'];
  // API Gateway hands array claims over as "[a b]"; the local adapter passes arrays through
  const groups = Array.isArray(raw)
    ? raw.map(String)
    : String(raw ?? '')
        .replace(/^\[|\]$/g, '')
        .split(/[\s,]+/);
  const all = groups.filter(isRole);
  const ensId = claims['custom:ensId'];
  // separation of duties, on every route: nobody acts on a file as both its company and ANS
  const conflict = dutiesConflict(all, Boolean(ensId));
  if (conflict) throw new ForbiddenError(`separation of duties: ${conflict}`);
  const roles = all.length > 1 && !route?.multiRole ? [actingRole(all)!] : all;
  const authTime = Number(claims.auth_time);
  return {
    sub: String(claims.sub),
    roles,
    ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
    ...(ensId ? { ensId: String(ensId) } : {}),
    ...(Number.isFinite(authTime) && authTime > 0 ? { authenticatedAt: new Date(authTime * 1000).toISOString() } : {}),
  };
};

/** zod issues → the problem document's `errors` (one mapping for every parser). */
export const zodErrors = (error: z.ZodError): FieldError[] =>
  error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    code: zodCode(issue.code),
    message: issue.message,
    messageFr: zodMessageFr(issue),
  }));

export const parseBody = <S extends z.ZodType>(event: HttpEvent, schema: S): z.infer<S> => {
  const raw = event.body
    ? event.isBase64Encoded
      ? Buffer.from(event.body, 'base64').toString('utf8')
      : event.body
    : '';
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES)
    throw new PayloadTooLargeError(`the body exceeds ${MAX_BODY_BYTES} bytes`);
  const contentType = (event.headers['content-type'] ?? '').toLowerCase();
  if (raw && !/^application\/([a-z.+-]*\+)?json\b/.test(contentType)) {
    throw new UnsupportedMediaTypeError('send the body as application/json');
  }
  let json: unknown;
  try {
    json = raw ? JSON.parse(raw) : undefined;
  } catch {
    throw new BadRequestError('the body is not valid JSON');
  }
  if (json === undefined) throw new BadRequestError('a JSON body is required');
  // the input stays on each issue for the French messages (« chaîne attendue, nombre reçu »); never echoed
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success)
    throw new BadRequestError('the body does not match the expected schema', zodErrors(result.error));
  return result.data;
};

type PathParameterRule = { pattern: RegExp; maxLength: number; refusal: string };

/**
 * What each path parameter accepts, by its name: the validator reads its rule here and the OpenAPI
 * document publishes the same pattern and length, so the contract is never looser than the server.
 */
const PATH_PARAMETER_RULES: Record<string, PathParameterRule> = {
  number: {
    pattern: CERTIFICATE_NUMBER_PATTERN,
    maxLength: 'TLC-2026-000123'.length,
    refusal: 'a certificate number looks like TLC-2026-000123',
  },
  sha256: {
    pattern: /^[0-9a-fA-F]{64}$/,
    maxLength: 64,
    refusal: 'a document fingerprint is its SHA-256 in hexadecimal (64 characters)',
  },
};

/** Any other parameter is one of our identifiers (a ULID, a UUID, a kind's name). */
const pathParameterRule = (name: string): PathParameterRule =>
  PATH_PARAMETER_RULES[name] ?? {
    pattern: /^[A-Za-z0-9_-]{1,64}$/,
    maxLength: 64,
    refusal: `the path parameter ${name} is malformed`,
  };

/** The published schema of a path parameter: the pattern and the length its rule enforces. */
export const pathParameterSchema = (name: string) => {
  const rule = pathParameterRule(name);
  return { type: 'string', pattern: rule.pattern.source, maxLength: rule.maxLength } as const;
};

/** A path parameter checked by its name's rule, or 400. */
export const pathParam = (event: HttpEvent, name: string): string => {
  const value = event.pathParameters?.[name] ?? '';
  const rule = pathParameterRule(name);
  if (value.length > rule.maxLength || !rule.pattern.test(value)) throw new BadRequestError(rule.refusal);
  return value;
};

/** A certificate number in the path: `TLC-2026-000123`, or 400. */
export const certificateNumberParam = (event: HttpEvent): string => pathParam(event, 'number');

/** A document's fingerprint in the path: a SHA-256 in hexadecimal (64 characters), or 400. */
export const sha256Param = (event: HttpEvent): string => pathParam(event, 'sha256').toLowerCase();

/** What an `If-Match` header accepts (RFC 9110 §13.1.1): any current version, or listed ones. */
export type IfMatch = { any: true } | { any: false; versions: number[] };

const ENTITY_TAG = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/**
 * The longest `If-Match` read: ours is one tag of a few digits, a list of a hundred of them fits;
 * longer is refused before it is split. Published as the header's `maxLength`.
 */
export const IF_MATCH_MAX_LENGTH = 1024;
export const ifMatchHeaderSchema = () => ({ type: 'string', maxLength: IF_MATCH_MAX_LENGTH }) as const;

/**
 * `If-Match: *` matches any current version; `"3"` (or a list of tags) matches those versions. A
 * well-formed tag that is not one of ours simply matches nothing (412 when compared), a header
 * that is not entity-tag syntax is a 400.
 */
export const ifMatchVersion = (event: HttpEvent): IfMatch => {
  const header = event.headers['if-match'];
  if (!header) throw new PreconditionRequiredError('send the ETag you read in If-Match');
  if (header.length > IF_MATCH_MAX_LENGTH)
    throw new BadRequestError(`If-Match must be at most ${IF_MATCH_MAX_LENGTH} characters`);
  if (header.trim() === '*') return { any: true };
  const versions: number[] = [];
  for (const part of header.split(',')) {
    const match = ENTITY_TAG.exec(part.trim());
    if (!match) throw new BadRequestError('If-Match must be "*" or entity tags such as "3"');
    // RFC 9110 §13.1.1: If-Match uses the strong comparison — a weak tag matches nothing
    if (!match[1] && /^\d{1,12}$/.test(match[2]!)) versions.push(Number(match[2]));
  }
  return { any: false, versions };
};

export const etag = (version: number) => `"${version}"`;

/** `?limit=&cursor=` with sane bounds. */
export const pageParams = (event: HttpEvent): { limit: number; cursor?: string } => {
  const q = event.queryStringParameters ?? {};
  const limit = q.limit === undefined ? 25 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new BadRequestError('limit must be an integer from 1 to 100');
  if (q.cursor !== undefined && !/^[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{22}$/.test(q.cursor))
    throw new BadRequestError('the cursor is malformed');
  return { limit, ...(q.cursor ? { cursor: q.cursor } : {}) };
};

export const queryParam = (event: HttpEvent, name: string): string | undefined => event.queryStringParameters?.[name];

/** What the wrapper resolves once per request and hands on: the route, the caller, the path parameters. */
export interface ResolvedRequest {
  route: RouteSpec;
  /** present whenever the request carries a verified token (always on an authenticated route) */
  caller: Caller | undefined;
  params: Record<string, string>;
}

/**
 * The route's declared roles, checked before anything is read (401 without a token, 403 outside
 * them); the caller is read from the token once, here.
 */
export const authorise = (event: HttpEvent, route: RouteSpec | undefined): Caller | undefined => {
  const signed = Boolean(claimsOf(event)?.sub);
  if (!route?.auth) return signed ? callerOf(event, route) : undefined;
  const caller = callerOf(event, route);
  if (route.roles && !caller.roles.some((r) => route.roles!.includes(r)))
    throw new ForbiddenError(`this action needs one of the roles: ${route.roles.join(', ')}`);
  return caller;
};
