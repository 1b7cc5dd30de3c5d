import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context } from 'aws-lambda';
import { dependencies, type Dependencies } from '../container';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics, tracer } from '../observability';
import { problemResponse } from './problem';
import { verifyCompanyBinding, verifyTenancy } from './company-binding';
import { authoriseRoute } from './request';
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
    .use(captureLambdaHandler(tracer))
    .use(correlation())
    .use(problems())
    .handler(async (event) => {
      const deps = dependencies();
      authoriseRoute(event);
      await verifyCompanyBinding(event, deps);
      await verifyTenancy(event, deps);
      return route({ event, deps });
    });
