import type { RouteSpec } from '../../functions/http/routes';

/**
 * Which nested stack holds a route's function and API route: one per area of the API, decided by
 * the path alone so that a route never moves from one stack to another (CloudFormation would
 * create it in the new stack before deleting it from the old: the same route key twice).
 *
 * The route that reads penetration-test evidence (the security reviewers' download) stays in the
 * platform's own stack: the sensitive key's policy names its role, and a key policy cannot wait for
 * a nested stack that itself needs the key (a dependency cycle). The general download route no
 * longer reads it, but stays where it is: a route never moves.
 */
export type RouteArea = 'Dossiers' | 'Certificates' | 'Platform' | 'platform-stack';

export const routeArea = (route: Pick<RouteSpec, 'path' | 'handler'>): RouteArea => {
  if (route.handler === 'download-upload' || route.handler === 'download-sensitive-evidence') return 'platform-stack';
  if (route.path.startsWith('/v1/dossiers')) return 'Dossiers';
  if (/^\/v1\/(certificates|public|college)/.test(route.path)) return 'Certificates';
  return 'Platform';
};
