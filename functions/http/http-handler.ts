import { verifyOrigin } from './origin-guard';
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { dependencies, type Dependencies } from '../container';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../observability';
import { problemResponse } from './problem';
import { languageOf } from './problem-language';
import type * as z from 'zod';
import type { Caller } from '../domain/caller';
import { verifyApiClient, verifyCompanyBinding, verifyTenancy } from './company-binding';
import { forRequest } from './request-reads';
import { authorise, callerOf, parseBody, pathParam, type ResolvedRequest } from './request';
import type { ROUTE_TABLE, RouteSpec } from './routes';
import type { HttpEvent, HttpResponse } from './types';

export interface RouteContext {
  event: HttpEvent;
  deps: Dependencies;
  /** the route, the caller and the path parameters, resolved once by the wrapper */
  request: ResolvedRequest;
}

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A non-JSON answer (CSV, XLSX); binary bodies travel base64-encoded, as API Gateway expects. */
export const file = (body: Buffer | string, contentType: string, headers: Record<string, string> = {}): HttpResponse =>
  typeof body === 'string'
    ? { statusCode: 200, headers: { 'content-type': contentType, ...headers }, body }
    : {
        statusCode: 200,
        headers: { 'content-type': contentType, ...headers },
        body: body.toString('base64'),
        isBase64Encoded: true,
      };

/** Turns every failure into a problem document: typed errors by class, anything else a 500
 * whose details stay in the log (message and stack, no request body). */
const problems = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  onError: async (request) => {
    const { error } = request;
    const response = problemResponse(error, request.event.rawPath, languageOf(request.event));
    if (response.statusCode >= 500) logger.error('unhandled error', error as Error);
    else logger.info('request refused', { status: response.statusCode, type: (error as Error).name });
    metrics.addMetric(response.statusCode >= 500 ? 'ServerErrors' : 'RequestsRefused', MetricUnit.Count, 1);
    // published only when something was counted: an empty flush on every request is noise
    metrics.publishStoredMetrics();
    request.response = response;
  },
});

const correlation = (): middy.MiddlewareObj<HttpEvent, HttpResponse> => ({
  before: async (request) => {
    logger.setCorrelationId(request.event.requestContext?.requestId);
  },
});

const keyOf = (route: RouteSpec) => `${route.method} ${route.path}`;

/**
 * One HTTP handler for the routes it serves (their entries, imported by name from routes.ts):
 * parse → authorise → load → decide → store → answer happens in `route`.
 */
export const httpHandler = (
  serves: RouteSpec | readonly RouteSpec[],
  route: (ctx: RouteContext) => Promise<HttpResponse>,
) => {
  const served = new Map([serves].flat().map((spec) => [keyOf(spec), spec] as const));
  const handler = middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlation())
    .use(problems())
    .handler(async (event) => {
      // only what came through the front (CloudFront + WAF) is served, before anything else
      await verifyOrigin(event);
      const spec = served.get(event.routeKey);
      // a deployment that mounts a handler on a route it does not declare is a bug, not a request
      if (!spec) throw new Error(`this handler does not serve ${event.routeKey}`);
      const deps = forRequest(dependencies());
      // an API client acts for the company its record names, if it is not revoked
      const caller = await verifyApiClient(authorise(event, spec), deps);
      // malformed ids are a 400 before anything is read (a 3,000-character id would otherwise
      // reach DynamoDB as a key and come back as a 500)
      const request: ResolvedRequest = { route: spec, caller, params: validatePathParameters(event) };
      await verifyCompanyBinding(request, deps);
      await verifyTenancy(request, deps);
      const response = await route({ event, deps, request });
      // the service's own instant: the portal counts « jours restants » from it, not the browser's clock
      return { ...response, headers: { ...response.headers, 'x-service-time': deps.clock.now().toISOString() } };
    });
  // the routes it declares, for the test that matches handlers and the route table
  return Object.assign(handler, { routeKeys: [...served.keys()] });
};

/** Every path parameter of the route, checked by its name's rule (a certificate number has its own). */
const validatePathParameters = (event: HttpEvent) =>
  Object.fromEntries(Object.keys(event.pathParameters ?? {}).map((name) => [name, pathParam(event, name)]));

type Table = (typeof ROUTE_TABLE)[number];
/** A route as the table names it: "POST /v1/dossiers/{id}/submit". */
export type RouteKey = `${Table['method']} ${Table['path']}`;
type BodyOf<E> = E extends { body: infer S extends z.ZodType }
  ? E extends { optionalBody: true }
    ? z.infer<S> | undefined
    : z.infer<S>
  : undefined;
type ParamsIn<P extends string> = P extends `${string}{${infer N}}${infer R}` ? N | ParamsIn<R> : never;

export interface EndpointContext<B, P extends string> extends RouteContext {
  /** the caller the JWT names (its roles already checked against the route's) */
  caller: Caller;
  /** the body, parsed with the route's schema (400/413/415 before the handler runs) */
  body: B;
  /** the path parameters, validated (a certificate number must look like TLC-2026-000123) */
  params: Record<P, string>;
}

/**
 * A handler for the routes it names (`routes.getDossier`): everything else about them — roles, body
 * schema, query, answer — is declared once, in the route table (routes.ts), which the wrapper, the
 * OpenAPI document and CDK all read. The body arrives parsed and typed by the route's own schema;
 * the handler reads: load → decide → store → answer.
 */
export const endpoint = <E extends Table>(
  entries: E | readonly E[],
  route: (ctx: EndpointContext<BodyOf<E>, ParamsIn<E['path']>>) => Promise<HttpResponse>,
) =>
  httpHandler(entries, async ({ event, deps, request }) => {
    const { route: spec, caller, params } = request;
    const body = spec.body && !(spec.optionalBody && !event.body) ? parseBody(event, spec.body) : undefined;
    return route({ event, deps, request, caller: caller ?? callerOf(event, spec), params, body } as never);
  });
