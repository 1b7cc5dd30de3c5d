import type { IStringParameter } from 'aws-cdk-lib/aws-ssm';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Duration, NestedStack, RemovalPolicy, Validations, type Stack } from 'aws-cdk-lib';
import {
  CfnStage,
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal, type Role } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { ENV } from '../../functions/config/env';
import { ROUTES } from '../../functions/http/routes';
import { CertificationFunction } from '../constructs/certification-function';
import { routeArea } from '../constructs/route-areas';
import { THROTTLE } from './limits';

/**
 * The HTTP API: one function per route entry (or per handler and grants), its grants from the
 * entry's `access`, in the nested stack of its area (route-areas.ts); the Cognito JWT authoriser;
 * throttling by default and tighter on public and upload routes.
 */
/** One JSON line per request: who (the token's sub, never an address), which route, how it went. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTimeEpoch',
    routeKey: '$context.routeKey',
    status: '$context.status',
    sub: '$context.authorizer.sub',
    error: '$context.error.message',
    authorizerError: '$context.authorizer.error',
    integrationError: '$context.integrationErrorMessage',
    latency: '$context.responseLatency',
    integrationLatency: '$context.integrationLatency',
    ip: '$context.identity.sourceIp',
    userAgent: '$context.identity.userAgent',
  }),
);

export const httpApi = (
  stack: Stack,
  ctx: {
    table: Table;
    ansMailbox: string;
    allowedOrigins: string[];
    userPool: UserPool;
    portalClient: UserPoolClient;
    workflow: { stateMachine: IStateMachine; aliasArn: string; name: string };
    evidenceBuckets: { evidence: IBucket; sensitive: IBucket };
    longClocks: { groupName: string; targetArn: string; role: Role };
    /** the public trust material (GET /v1/public/trust) */
    trustParameter: IStringParameter;
  },
) => {
  const {
    table,
    ansMailbox,
    allowedOrigins,
    userPool,
    portalClient,
    workflow,
    evidenceBuckets,
    longClocks,
    trustParameter,
  } = ctx;
  // --- HTTP API ------------------------------------------------------------------------
  // access logs name the route, the account that called, the status, the error and the latency
  // (HTTP API variables: the CLF default used REST-only ones), encrypted with their own key
  const apiLogsKey = new Key(stack, 'ApiAccessLogsKey', {
    enableKeyRotation: true,
    description: 'HTTP API access logs',
  });
  apiLogsKey.grantEncryptDecrypt(new ServicePrincipal(`logs.${stack.region}.amazonaws.com`));
  const apiLogs = new LogGroup(stack, 'ApiAccessLogs', {
    retention: RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
    encryptionKey: apiLogsKey,
  });
  const api = new HttpApi(stack, 'Api', {
    corsPreflight: {
      allowOrigins: allowedOrigins,
      allowMethods: [CorsHttpMethod.ANY],
      allowHeaders: ['authorization', 'content-type', 'if-match'],
      exposeHeaders: ['etag', 'location'],
    },
    createDefaultStage: false,
  });
  const stage = api.addStage('Stage', {
    stageName: '$default',
    autoDeploy: true,
    accessLogSettings: { destination: new LogGroupLogDestination(apiLogs), format: ACCESS_LOG_FORMAT },
    // flood protection: a default for every route, tighter where anyone may call or files start
    throttle: THROTTLE.default,
  });
  // a Lambda authoriser, not the JWT one: that one checks a fixed list of audiences, and each
  // company's API client is an app client created at run time (functions/http/authoriser.ts)
  const authoriser = new CertificationFunction(stack, 'Authoriser', {
    entry: 'functions/http/authoriser.ts',
    description: 'Verifies the portal’s and the API clients’ access tokens (user pool keys)',
    environment: {
      [ENV.tokenIssuer]: userPool.userPoolProviderUrl,
      [ENV.portalClientId]: portalClient.userPoolClientId,
    },
  });
  const authorizer = new HttpLambdaAuthorizer('Tokens', authoriser.fn, {
    responseTypes: [HttpLambdaResponseType.SIMPLE],
    identitySource: ['$request.header.Authorization'],
    // a token's verdict is kept 5 minutes; a revoked API client is refused by the route itself
    resultsCacheTtl: Duration.minutes(5),
  });
  // signs pagination cursors (HMAC): generated, never in code, read by the functions that page
  const cursorKey = new Secret(stack, 'CursorSigningKey', {
    description: 'HMAC key of the API pagination cursors',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  Validations.of(cursorKey).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason: 'A cursor key needs no rotation schedule: rotating it only invalidates cursors in flight',
  });
  // the front's secret header: CloudFront adds it to every request it forwards, the API refuses
  // whatever comes without it (the execute-api endpoint reached directly)
  const originSecret = new Secret(stack, 'OriginVerifySecret', {
    description: 'Header value CloudFront adds to the requests it forwards to the API',
    generateSecretString: { passwordLength: 48, excludePunctuation: true },
  });
  Validations.of(originSecret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'Rotated by ANS with the distribution (a new value, then CloudFront updated): both versions are accepted meanwhile',
  });
  const httpFunctions = new Map<string, CertificationFunction>();
  const httpRoutes: HttpRoute[] = [];
  const publicRoutes: HttpRoute[] = [];
  // the routes' functions live in nested stacks, one per area of the API (a route never moves
  // between them: two stacks cannot hold the same route key during a deploy), so that no
  // template nears CloudFormation's 500 resources; see infra/constructs/route-areas.ts
  const areas = new Map<string, NestedStack>();
  const scopeOf = (route: (typeof ROUTES)[number]): Construct => {
    const area = routeArea(route);
    if (area === 'platform-stack') return stack;
    let nested = areas.get(area);
    if (!nested) {
      nested = new NestedStack(stack, `${area}Routes`, { description: `HTTP routes: ${area}` });
      areas.set(area, nested);
    }
    return nested;
  };
  const addRoute = (route: (typeof ROUTES)[number], httpRoute: HttpRoute) => {
    httpRoutes.push(httpRoute);
    if (!route.auth) publicRoutes.push(httpRoute);
  };
  for (const route of ROUTES) {
    const scope = scopeOf(route);
    const routeKey = HttpRouteKey.with(route.path, HttpMethod[route.method]);
    // routes that share a handler share a function only when they need the same grants
    const functionKey = `${route.handler}:${JSON.stringify(route.access)}`;
    const existing = httpFunctions.get(functionKey);
    if (existing) {
      addRoute(
        route,
        new HttpRoute(scope, `${route.handler}-${route.method}-${route.path}`, {
          httpApi: api,
          routeKey,
          integration: new HttpLambdaIntegration(`${route.handler}-${route.method}-${route.path}`, existing.fn),
          ...(route.auth ? { authorizer } : {}),
        }),
      );
      continue;
    }
    const sameHandler = [...httpFunctions.keys()].filter((k) => k.startsWith(`${route.handler}:`)).length;
    const f = new CertificationFunction(scope, `Http-${route.handler}${sameHandler ? `-${sameHandler + 1}` : ''}`, {
      entry: `functions/http/handlers/${route.handler}.ts`,
      description: `${route.method} ${route.path}`,
    });
    if (route.access.table) f.bindTable(table, route.access.table);
    // a company's API client may call what a candidate may: each of its requests is counted
    if (route.auth && route.access.table !== 'write' && (route.roles ?? []).includes('candidate'))
      f.bindApiClientRate(table);
    if (route.access.workflow) f.bindStateMachine(workflow);
    if (route.access.evidence === 'put') f.bindEvidenceUpload(evidenceBuckets);
    if (route.access.evidence === 'multipart') f.bindMultipartUpload(evidenceBuckets);
    if (route.access.evidence === 'get') f.bindEvidenceDownload(evidenceBuckets);
    if (route.access.evidence === 'get-sensitive') f.bindSensitiveDownload(evidenceBuckets);
    if (route.access.evidence === 'read-documents') f.bindDocumentRead(evidenceBuckets);
    // legal effects first: tacit acceptance schedules the certificate's clock (its PDF is a job)
    if (route.access.evidence === 'delete') f.bindEvidenceDelete(evidenceBuckets);
    if (route.access.schedules || route.access.legalEffects) f.bindLongClocks(longClocks);
    if (route.access.trustMaterial) f.bindTrustMaterial(trustParameter);
    if (route.access.apiClients) f.bindApiClientManagement(userPool);
    if (route.access.personalDataLog) f.bindPersonalDataLog(table);
    f.fn.addEnvironment(ENV.ansMailbox, ansMailbox);
    f.bindOriginSecret(originSecret);
    if (route.query?.some((q) => q.name === 'cursor')) f.bindCursorSigningKey(cursorKey);
    httpFunctions.set(functionKey, f);
    addRoute(
      route,
      new HttpRoute(scope, `${f.node.id}-route`, {
        httpApi: api,
        routeKey,
        integration: new HttpLambdaIntegration(`${f.node.id}-integration`, f.fn),
        ...(route.auth ? { authorizer } : {}),
      }),
    );
  }
  const cfnStage = stage.node.defaultChild as CfnStage;
  cfnStage.addPropertyOverride(
    'RouteSettings',
    Object.fromEntries(
      ROUTES.filter((r) => !r.auth || r.path.endsWith('/uploads')).map((r) => [
        `${r.method} ${r.path}`,
        {
          ThrottlingRateLimit: (r.auth ? THROTTLE.uploads : THROTTLE.public).rateLimit,
          ThrottlingBurstLimit: (r.auth ? THROTTLE.uploads : THROTTLE.public).burstLimit,
        },
      ]),
    ),
  );
  // route settings name routes: the stage waits for them (and for the nested stacks holding them)
  for (const route of httpRoutes) cfnStage.node.addDependency(route);
  for (const route of publicRoutes)
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Public by contract (/health, /v1/openapi.json, /v1/public/*): every other route has the token authoriser',
    });

  return { api, httpFunctions, originSecret };
};
