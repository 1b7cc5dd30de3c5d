/**
 * Typed errors of the domain and use cases. The HTTP layer maps them to RFC 9457 problem
 * documents by class (see functions/http/problem.ts), never by name strings.
 */
export interface FieldError {
  path: string;
  /** in English, as written at the throw site (the problem document translates it) */
  message: string;
  /** stable, kebab-case (zod's issue code; else the catalogue's) */
  code?: string;
  /** the French text when the source knows it (zod's French locale) */
  messageFr?: string;
}

export abstract class DomainError extends Error {
  abstract readonly status: number;
  abstract readonly type: string;
  abstract readonly title: string;
  constructor(
    message: string,
    readonly errors?: FieldError[],
    /** the rule's legal basis, quoted in the problem document */
    readonly legalBasis?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One kind of error: its HTTP status, its problem type and its title, declared in one line. */
const kind = (status: number, type: string, title: string) =>
  class extends DomainError {
    readonly status = status;
    readonly type = type;
    readonly title = title;
  };

export class BadRequestError extends kind(400, 'validation-error', 'The request is malformed') {}
export class UnauthorizedError extends kind(401, 'unauthorized', 'Authentication is required') {}
/** RFC 9470 step-up: the session is too old for this act; sign in again (with the second factor), then retry. */
export class ReauthenticationRequiredError extends kind(
  401,
  'reauthentication-required',
  'A recent sign-in is required',
) {
  constructor(
    message: string,
    /** the longest time since sign-in the act accepts (the challenge's `max_age`) */
    readonly maxAgeSeconds: number,
  ) {
    super(message);
  }
}
export class ForbiddenError extends kind(403, 'forbidden', 'Your role does not allow this action') {}
export class NotFoundError extends kind(404, 'not-found', 'Resource not found') {}
export class ConflictError extends kind(409, 'conflict', 'The request conflicts with the current state') {}
export class PreconditionFailedError extends kind(
  412,
  'precondition-failed',
  'The resource was modified since you read it',
) {}
export class PayloadTooLargeError extends kind(413, 'payload-too-large', 'The payload is too large') {}
export class UnsupportedMediaTypeError extends kind(415, 'unsupported-media-type', 'Unsupported media type') {}
export class PreconditionRequiredError extends kind(428, 'precondition-required', 'An If-Match header is required') {}
export class BusinessRuleError extends kind(422, 'business-rule', 'A business rule is broken') {}
export class TooManyRequestsError extends kind(429, 'too-many-requests', 'Too many requests') {}
/** A 429 that says when to try again (the `Retry-After` header, in seconds). */
export class RateLimitedError extends TooManyRequestsError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** Every problem type a class declares (the problem documents' default `code`). */
export const PROBLEM_TYPES = [
  'validation-error',
  'unauthorized',
  'reauthentication-required',
  'forbidden',
  'not-found',
  'conflict',
  'precondition-failed',
  'payload-too-large',
  'unsupported-media-type',
  'precondition-required',
  'business-rule',
  'too-many-requests',
] as const;
