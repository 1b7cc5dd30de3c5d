import type { Dependencies } from '../container';
import { ForbiddenError, NotFoundError } from '../domain/errors';
import { callerOf, routeOf } from './request';
import type { HttpEvent } from './types';

/** Bindings never change once written: a container may keep the ones it has seen. */
const known = new Map<string, string>();

/**
 * The server side of tenant isolation: a candidate's token must name the company its account is
 * bound to in the platform's own table (written by the invitation), whatever the identity
 * provider lets a user change on their own profile.
 */
export const verifyCompanyBinding = async (event: HttpEvent, deps: Dependencies): Promise<void> => {
  if (!event.requestContext.authorizer?.jwt?.claims?.sub) return; // public route: nothing to bind
  const caller = callerOf(event);
  if (!caller.roles.includes('candidate')) return;
  const bound = known.get(caller.sub) ?? (await deps.members.companyOf(caller.sub));
  if (bound) known.set(caller.sub, bound);
  if (!bound || bound !== caller.ensId)
    throw new ForbiddenError('this account does not act for the company its token names');
};

/**
 * Another company's dossier or certificate is a 404 whatever else is wrong with the request:
 * checked for candidates before the body is even read, in this one place.
 */
export const verifyTenancy = async (event: HttpEvent, deps: Dependencies): Promise<void> => {
  const route = routeOf(event);
  if (!route?.auth || !event.requestContext.authorizer?.jwt?.claims?.sub) return;
  const caller = callerOf(event);
  if (!caller.roles.includes('candidate')) return;
  const id = route.path.startsWith('/v1/dossiers/{id}') ? event.pathParameters?.id : undefined;
  const number = route.path.startsWith('/v1/certificates/{number}') ? event.pathParameters?.number : undefined;
  if (id) {
    // with its uploads: the use case's own read of this dossier is then served from this one
    const stored = (await deps.dossiers.getWithUploads(id))?.stored;
    if (!stored || stored.dossier.companyId !== caller.ensId) throw new NotFoundError('no such dossier');
  } else if (number) {
    const certificate = await deps.certificates.get(number);
    if (!certificate || certificate.companyId !== caller.ensId) throw new NotFoundError('no such certificate');
  }
};
