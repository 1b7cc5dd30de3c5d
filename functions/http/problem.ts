import { DomainError, RateLimitedError, ReauthenticationRequiredError, type FieldError } from '../domain/errors';
import { localize, type Language } from './problem-language';
import type { HttpResponse } from './types';

/** The French title of each problem type (the English one is the class's). */
const FRENCH_TITLES: Record<string, string> = {
  'validation-error': 'La requête est mal formée',
  unauthorized: 'Authentification requise',
  'reauthentication-required': 'Une connexion récente est requise',
  forbidden: 'Votre rôle ne permet pas cette action',
  'not-found': 'Ressource introuvable',
  conflict: 'La demande est incompatible avec l’état actuel',
  'precondition-failed': 'La ressource a été modifiée depuis votre lecture',
  'payload-too-large': 'Contenu trop volumineux',
  'unsupported-media-type': 'Type de contenu non pris en charge',
  'precondition-required': 'Un en-tête If-Match est requis',
  'business-rule': 'Une règle de la procédure n’est pas respectée',
  'too-many-requests': 'Trop de demandes',
  internal: 'Erreur interne',
  'method-not-allowed': 'Méthode non autorisée',
  'response-contract': 'La réponse ne respecte pas le document OpenAPI',
};

/** Field errors in the client's language, each with its stable code. */
const localizedErrors = (errors: FieldError[] | undefined, language: Language) =>
  errors?.map((e) => {
    if (e.code)
      return { path: e.path, code: e.code, message: language === 'fr' && e.messageFr ? e.messageFr : e.message };
    const { code, text } = localize(e.message, language, 'invalid');
    return { path: e.path, code, message: text };
  });

/**
 * Maps any thrown value to an RFC 9457 problem document, in the client's language (French unless
 * `Accept-Language` prefers English), with a stable `code`. Unknown errors never leak details.
 */
export const problemResponse = (error: unknown, instance?: string, language: Language = 'fr'): HttpResponse => {
  if (error instanceof ReauthenticationRequiredError) {
    // RFC 9470: the challenge a client answers by signing in again, no older than max_age
    const { code, text } = localize(error.message, language, error.type);
    const answer = problem(error.status, error.type, error.title, text, instance, undefined, undefined, {
      code,
      language,
    });
    return {
      ...answer,
      headers: {
        ...answer.headers,
        'www-authenticate': `Bearer error="insufficient_user_authentication", error_description="A recent sign-in is required", max_age=${error.maxAgeSeconds}`,
      },
    };
  }
  if (error instanceof DomainError) {
    const { code, text } = localize(error.message, language, error.type);
    const answer = problem(
      error.status,
      error.type,
      error.title,
      text,
      instance,
      localizedErrors(error.errors, language),
      error.legalBasis,
      {
        code,
        language,
      },
    );
    // a client told when to come back does not hammer the API in the meantime
    return error instanceof RateLimitedError
      ? { ...answer, headers: { ...answer.headers, 'retry-after': String(error.retryAfterSeconds) } }
      : answer;
  }
  const detail =
    language === 'en'
      ? 'An unexpected error occurred; it has been logged.'
      : 'Une erreur inattendue est survenue ; elle a été consignée.';
  return problem(500, 'internal', 'Internal error', detail, instance, undefined, undefined, {
    code: 'internal',
    language,
  });
};

export const problem = (
  status: number,
  type: string,
  title: string,
  detail: string,
  instance?: string,
  errors?: { path: string; message: string; code?: string }[],
  legalBasis?: string,
  /** the stable code (the type's by default) and the language of title and detail */
  options: { code?: string; language?: Language } = {},
): HttpResponse => ({
  statusCode: status,
  headers: {
    'content-type': 'application/problem+json',
    'content-language': options.language ?? 'en',
    vary: 'Accept-Language',
  },
  body: JSON.stringify({
    type: `/problems/${type}`,
    code: options.code ?? type,
    title: options.language === 'fr' ? (FRENCH_TITLES[type] ?? title) : title,
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors ? { errors } : {}),
    ...(legalBasis ? { legalBasis } : {}),
  }),
});
