import { DomainError, ReauthenticationRequiredError } from '../domain/errors';
import type { HttpResponse } from './types';

/** Maps any thrown value to an RFC 9457 problem document. Unknown errors never leak details. */
export const problemResponse = (error: unknown, instance?: string): HttpResponse => {
  if (error instanceof ReauthenticationRequiredError) {
    // RFC 9470: the challenge a client answers by signing in again, no older than max_age
    const answer = problem(error.status, error.type, error.title, error.message, instance);
    return {
      ...answer,
      headers: {
        ...answer.headers,
        'www-authenticate': `Bearer error="insufficient_user_authentication", error_description="A recent sign-in is required", max_age=${error.maxAgeSeconds}`,
      },
    };
  }
  if (error instanceof DomainError) {
    return problem(error.status, error.type, error.title, error.message, instance, error.errors, error.legalBasis);
  }
  return problem(500, 'internal', 'Internal error', 'An unexpected error occurred; it has been logged.', instance);
};

export const problem = (
  status: number,
  type: string,
  title: string,
  detail: string,
  instance?: string,
  errors?: { path: string; message: string }[],
  legalBasis?: string,
): HttpResponse => ({
  statusCode: status,
  headers: { 'content-type': 'application/problem+json' },
  body: JSON.stringify({
    type: `/problems/${type}`,
    title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
    ...(legalBasis ? { legalBasis } : {}),
  }),
});
