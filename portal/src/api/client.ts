import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { currentSession, signOut } from '../auth/session';
import { noteServiceTime } from './service-time';

export type Schemas = components['schemas'];
export type Dossier = Schemas['Dossier'];
export type Upload = Schemas['Upload'];
export type Requirements = Schemas['Requirements'];
export type PublicCertificate = Schemas['PublicCertificate'];
export type Certificate = Schemas['Certificate'];
export type Problem = Schemas['Problem'];

export { serviceNow } from './service-time';

/** The typed client of the service's own OpenAPI document; the token rides on every call. */
export const api = createClient<paths>({ baseUrl: window.location.origin });

api.use({
  onRequest({ request }) {
    const session = currentSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    return request;
  },
  onResponse({ response }) {
    noteServiceTime(response.headers.get('x-service-time'));
    // an expired or refused token: back to sign-in, the page they were on kept; an act that needs a
    // recent sign-in (RFC 9470 step-up, e.g. signing the convention) says so on the sign-in page
    if (response.status === 401 && currentSession())
      signOut({
        expired: true,
        stepUp: /insufficient_user_authentication/.test(response.headers.get('www-authenticate') ?? ''),
      });
    return response;
  },
});

/** An RFC 9457 problem the service answered, as an error the pages can show next to its fields. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
  /** the message for a field, when the service named it (`errors[].path`) */
  fieldError(path: string) {
    return this.problem.errors?.find((e) => e.path === path || e.path?.startsWith(`${path}.`))?.message;
  }
}

const asProblem = (error: unknown, status: number): Problem =>
  error && typeof error === 'object' && 'title' in error
    ? (error as Problem)
    : {
        type: 'about:blank',
        code: 'internal',
        title: 'Erreur inattendue',
        status,
        detail: 'Le service n’a pas pu répondre.',
      };

/** The data of a call, or an ApiProblem: pages await this and show `problem` on failure. */
export const unwrap = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiProblem({
      type: 'about:blank',
      code: 'internal',
      title: 'Service injoignable',
      status: 0,
      detail: 'Vérifiez votre connexion puis réessayez.',
    });
  }
  if (result.error !== undefined || !result.response.ok)
    throw new ApiProblem(asProblem(result.error, result.response.status));
  return result.data as T;
};

/** The version to send back in If-Match: the dossier's own (RFC 9110 entity tag). */
export const ifMatch = (dossier: { version: number }) => `"${dossier.version}"`;

type JsonBody<Op> = Op extends { requestBody?: infer R }
  ? R extends { content: { 'application/json': infer B } }
    ? B
    : undefined
  : undefined;
type BodyArgs<B> = [B] extends [undefined] ? [] : undefined extends B ? [body?: B] : [body: B];
/** The commands on one dossier: POST routes under /v1/dossiers/{id}/ with no other path parameter. */
type DossierCommandPath = {
  [P in keyof paths]: P extends `/v1/dossiers/{id}/${infer Rest}`
    ? Rest extends `${string}{${string}`
      ? never
      : paths[P] extends { post: object }
        ? P
        : never
    : never;
}[keyof paths];

/** A command on a dossier, its body typed by the route's own schema; a problem comes back as an ApiProblem. */
export const postOnDossier = <P extends DossierCommandPath>(
  path: P,
  id: string,
  ...body: BodyArgs<JsonBody<paths[P]['post']>>
) =>
  unwrap(
    api.POST(
      path as never,
      {
        params: { path: { id } },
        ...(body[0] !== undefined ? { body: body[0] } : {}),
      } as never,
    ),
  );
