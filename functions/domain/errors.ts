/**
 * Typed errors of the domain and use cases. The HTTP layer maps them to RFC 9457 problem
 * documents by class (see functions/http/problem.ts), never by name strings.
 */
export interface FieldError {
  path: string;
  message: string;
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

export class BadRequestError extends DomainError {
  readonly status = 400;
  readonly type = 'validation-error';
  readonly title = 'The request is malformed';
}
export class UnauthorizedError extends DomainError {
  readonly status = 401;
  readonly type = 'unauthorized';
  readonly title = 'Authentication is required';
}
export class ForbiddenError extends DomainError {
  readonly status = 403;
  readonly type = 'forbidden';
  readonly title = 'Your role does not allow this action';
}
export class NotFoundError extends DomainError {
  readonly status = 404;
  readonly type = 'not-found';
  readonly title = 'Resource not found';
}
export class ConflictError extends DomainError {
  readonly status = 409;
  readonly type = 'conflict';
  readonly title = 'The request conflicts with the current state';
}
export class PreconditionFailedError extends DomainError {
  readonly status = 412;
  readonly type = 'precondition-failed';
  readonly title = 'The resource was modified since you read it';
}
export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
  readonly type = 'payload-too-large';
  readonly title = 'The payload is too large';
}
export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
  readonly type = 'unsupported-media-type';
  readonly title = 'Unsupported media type';
}
export class PreconditionRequiredError extends DomainError {
  readonly status = 428;
  readonly type = 'precondition-required';
  readonly title = 'An If-Match header is required';
}
export class BusinessRuleError extends DomainError {
  readonly status = 422;
  readonly type = 'business-rule';
  readonly title = 'A business rule is broken';
}
