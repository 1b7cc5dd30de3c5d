import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { dependencies, type Dependencies } from '../container';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '../observability';
import { problemResponse } from './problem';
import type * as z from 'zod';
import type { Caller } from '../domain/caller';
import { verifyCompanyBinding, verifyTenancy } from './company-binding';
import { authoriseRoute, callerOf, certificateNumberParam, parseBody, pathParam } from './request';
import type { HttpEvent, HttpResponse } from './types';

export interface RouteContext {
  event: HttpEvent;
  deps: Dependencies;
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
    const response = problemResponse(error, request.event.rawPath);
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

/** One HTTP handler: parse → authorise → load → decide → store → answer happens in `route`. */
export const httpHandler = (route: (ctx: RouteContext) => Promise<HttpResponse>) =>
  middy<HttpEvent, HttpResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(correlation())
    .use(problems())
    .handler(async (event) => {
      const deps = dependencies();
      authoriseRoute(event);
      // malformed ids are a 400 before anything is read (a 3,000-character id would otherwise
      // reach DynamoDB as a key and come back as a 500)
      validatePathParameters(event);
      await verifyCompanyBinding(event, deps);
      await verifyTenancy(event, deps);
      return route({ event, deps });
    });

type ParamName = 'id' | 'requestId' | 'sectionId' | 'uploadId' | 'number';

/** Every path parameter of the route, checked by its name's rule (a certificate number has its own). */
const validatePathParameters = (event: HttpEvent) => {
  for (const name of Object.keys(event.pathParameters ?? {}))
    if (name === 'number') certificateNumberParam(event);
    else pathParam(event, name);
};

export interface EndpointContext<B, P extends ParamName> extends RouteContext {
  /** the caller the JWT names (its roles already checked against the route's) */
  caller: Caller;
  /** the parsed body (400/413/415 before the route runs) */
  body: B;
  /** the path parameters, validated (a certificate number must look like TLC-2026-000123) */
  params: Record<P, string>;
}

/**
 * A declarative authenticated handler, as Powertools' parser middleware does: the body schema and
 * the path parameters are options, parsed before the route runs; the roles come from the route
 * table and are checked once, by the wrapper. The route reads: load → decide → store → answer.
 */
export const endpoint = <S extends z.ZodType | undefined = undefined, P extends ParamName = never>(
  options: { body?: S; optionalBody?: boolean; params?: readonly P[] },
  route: (ctx: EndpointContext<S extends z.ZodType ? z.infer<S> : undefined, P>) => Promise<HttpResponse>,
) =>
  httpHandler(async ({ event, deps }) => {
    const caller = callerOf(event);
    const params = Object.fromEntries(
      (options.params ?? []).map((name) => [
        name,
        name === 'number' ? certificateNumberParam(event) : pathParam(event, name),
      ]),
    ) as Record<P, string>;
    const body = options.body && !(options.optionalBody && !event.body) ? parseBody(event, options.body) : undefined;
    return route({ event, deps, caller, params, body: body as S extends z.ZodType ? z.infer<S> : undefined });
  });
