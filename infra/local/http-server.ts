import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { problem } from '../../functions/http/problem';
import { ROUTES } from '../../functions/http/routes';
import type { HttpEvent, HttpResponse } from '../../functions/http/types';
import { RESPONSES, type ResponseSpec } from '../../functions/http/response-schemas';

export type LambdaHttpHandler = (event: HttpEvent, context: Context) => Promise<HttpResponse>;
export type LocalRoute = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  /** the body's bytes (a binary protocol: the local timestamp authority) */
  raw: Buffer;
  /** lower-cased names (the token endpoint reads HTTP Basic) */
  headers: Record<string, string>;
}) => Promise<HttpResponse>;

/** What CloudFront sends to the API origin (`/v1/*`) and what stays local; the rest is the portal's. */
const isPortalPath = (path: string) => !path.startsWith('/v1/') && !path.startsWith('/_local/') && path !== '/health';

/**
 * A 2xx answer that does not match the OpenAPI document's schema for its route becomes a 500 that
 * names the mismatch: the integration suites then prove the published contract, not only the code.
 */
const checkedAgainstContract = (routeKey: string, response: HttpResponse): HttpResponse => {
  if (response.statusCode >= 300) return response;
  const name = ROUTES.find((r) => `${r.method} ${r.path}` === routeKey)?.response;
  const spec: ResponseSpec | undefined = name ? RESPONSES[name] : undefined;
  const fail = (detail: string) => {
    console.error(`[http] ${routeKey} breaks its OpenAPI response: ${detail}`);
    return problem(500, 'response-contract', 'The answer breaks the OpenAPI document', `${routeKey}: ${detail}`);
  };
  if (!spec) return fail('no response is described');
  if (response.statusCode !== spec.status) return fail(`status ${response.statusCode}, described ${spec.status}`);
  const type = String(response.headers?.['content-type'] ?? '');
  // a file answer (CSV export, CSV list by content negotiation) is described by its media type
  if (!spec.schema || !type.includes('json')) return response;
  const parsed = spec.schema.safeParse(JSON.parse(response.body ?? 'null'));
  if (parsed.success) return response;
  return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
};

/** API Gateway's own payload cap; handlers apply the application's tighter one. */
const GATEWAY_MAX_BODY = 10 * 1024 * 1024;

const compile = (template: string) => {
  const names: string[] = [];
  const pattern = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${pattern}$`), names };
};

export const lambdaContext = (name: string): Context =>
  ({
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-3:000000000000:function:${name}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    // generous: this machine is slower than Lambda, and middy aborts a handler at this limit
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

/**
 * The HTTP API on this machine: the same handlers as in AWS behind an API Gateway v2 event
 * adapter, with JWT verification standing in for the Cognito authoriser.
 */
/** What handlers received, for the benchmark's evidence-path figure. */
export interface BodyStats {
  requests: number;
  bytes: number;
  largest: number;
  /** request bodies that carried bytes of an evidence file (by its marker) */
  evidenceBytes: number;
}

export const createHttpServer = (options: {
  stats?: BodyStats;
  handlers: Record<string, LambdaHttpHandler>;
  verify: (token: string) => Promise<Record<string, unknown>>;
  localRoutes: Record<string, LocalRoute>;
  afterRequest?: () => Promise<void>;
  /** after a read whose function writes a journal request has answered: its stream, as in AWS */
  afterJournaledRead?: () => void;
  /** the web portal's files, for every path that is not the API's (same origin, as CloudFront) */
  portal?: (path: string) => Promise<HttpResponse>;
  /** every 2xx answer checked against the OpenAPI document's schema for its route (tests) */
  validateResponses?: boolean;
}): Server => {
  const routes = ROUTES.map((r) => ({ ...r, ...compile(r.path) }));

  const respond = (res: ServerResponse, r: HttpResponse) => {
    res.writeHead(r.statusCode, r.headers ?? {});
    res.end(r.isBase64Encoded && r.body ? Buffer.from(r.body, 'base64') : (r.body ?? ''));
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = (req.method ?? 'GET').toUpperCase();
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > GATEWAY_MAX_BODY)
          return respond(
            res,
            problem(413, 'payload-too-large', 'The payload is too large', 'Request bodies are limited to 10 MB'),
          );
        chunks.push(chunk as Buffer);
      }
      const raw = Buffer.concat(chunks);
      const body = raw.toString('utf8');
      if (options.stats) {
        options.stats.requests++;
        options.stats.bytes += size;
        options.stats.largest = Math.max(options.stats.largest, size);
        if (body.includes('EVIDENCE-MARKER')) options.stats.evidenceBytes += size;
      }

      const local = options.localRoutes[`${method} ${url.pathname}`];
      if (local) {
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
        );
        return respond(res, await local({ method, path: url.pathname, query: url.searchParams, body, raw, headers }));
      }
      if (options.portal && isPortalPath(url.pathname)) return respond(res, await options.portal(url.pathname));

      const candidates = routes.filter((r) => r.regex.test(url.pathname));
      if (candidates.length === 0)
        return respond(res, problem(404, 'not-found', 'Resource not found', `No route for ${url.pathname}`));
      const route = candidates.find((r) => r.method === method);
      if (!route)
        return respond(
          res,
          problem(405, 'method-not-allowed', 'Method not allowed', `${method} is not allowed on ${url.pathname}`),
        );

      let claims: Record<string, unknown> | undefined;
      if (route.auth) {
        const header = req.headers.authorization ?? '';
        const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
        try {
          if (!token) throw new Error('missing');
          claims = await options.verify(token);
        } catch {
          return respond(
            res,
            problem(401, 'unauthorized', 'Authentication is required', 'A valid bearer token is required'),
          );
        }
      }
      const match = route.regex.exec(url.pathname)!;
      let pathParameters: Record<string, string>;
      try {
        pathParameters = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
      } catch {
        // invalid percent-encoding (e.g. the UTF-8 bytes of a lone surrogate): API Gateway answers 400 too
        return respond(
          res,
          problem(400, 'validation-error', 'The request is malformed', 'the path is not valid percent-encoded UTF-8'),
        );
      }
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : (v ?? '')]),
      );
      const requestId = randomUUID();
      const event = {
        version: '2.0',
        routeKey: `${route.method} ${route.path}`,
        rawPath: url.pathname,
        rawQueryString: url.searchParams.toString(),
        headers,
        queryStringParameters: url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined,
        pathParameters: route.names.length ? pathParameters : undefined,
        body: body || undefined,
        isBase64Encoded: false,
        requestContext: {
          accountId: '000000000000',
          apiId: 'local',
          domainName: 'localhost',
          domainPrefix: 'localhost',
          requestId,
          routeKey: `${route.method} ${route.path}`,
          stage: '$default',
          time: new Date().toUTCString(),
          timeEpoch: Date.now(),
          http: {
            method,
            path: url.pathname,
            protocol: 'HTTP/1.1',
            sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
            userAgent: headers['user-agent'] ?? '',
          },
          authorizer: claims ? { jwt: { claims, scopes: [] }, principalId: '', integrationLatency: 0 } : undefined,
        },
      } as unknown as HttpEvent;
      const handler = options.handlers[route.handler]!;
      const response = await handler(event, lambdaContext(route.handler));
      if (method !== 'GET') await options.afterRequest?.();
      respond(
        res,
        options.validateResponses ? checkedAgainstContract(`${route.method} ${route.path}`, response) : response,
      );
      if (route.access.table === 'journal') options.afterJournaledRead?.();
    } catch (error) {
      console.error('[http] adapter error', error);
      if (!res.headersSent) respond(res, problem(500, 'internal', 'Internal error', 'An unexpected error occurred'));
    }
  });
  // a request line or headers over the limit: answer as API Gateway does (431, then close), and
  // read what the client still sends, so that it receives the answer instead of a reset connection
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`);
    socket.on('data', () => undefined);
    socket.resume();
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
  return server;
};
