/**
 * Every HTTP route, once: CDK creates a function and an API route from each entry, and the
 * local server dispatches to the same handler module. `auth: false` routes are public.
 */
export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  /** kebab-case file name under functions/http/handlers */
  handler: string;
  auth: boolean;
  /** what the function touches, for least-privilege grants */
  access: { table?: 'read' | 'write'; workflow?: boolean; evidence?: 'put' };
}

export const ROUTES: RouteSpec[] = [
  { method: 'GET', path: '/health', handler: 'health', auth: false, access: {} },
  { method: 'GET', path: '/v1/openapi.json', handler: 'openapi', auth: false, access: {} },
  { method: 'POST', path: '/v1/companies', handler: 'create-company', auth: true, access: { table: 'write' } },
  {
    method: 'POST',
    path: '/v1/dossiers',
    handler: 'create-dossier',
    auth: true,
    access: { table: 'write', workflow: true },
  },
  { method: 'GET', path: '/v1/dossiers/{id}', handler: 'get-dossier', auth: true, access: { table: 'read' } },
  {
    method: 'PATCH',
    path: '/v1/dossiers/{id}',
    handler: 'patch-dossier',
    auth: true,
    access: { table: 'write', workflow: true },
  },
];
