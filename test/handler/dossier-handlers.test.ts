import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import {
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { bodyText } from '../support/api-client';
import type { Context } from 'aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDependencies } from '../../functions/container';
import { handler as createCompanyHandler } from '../../functions/http/handlers/create-company';
import { handler as createDossierHandler } from '../../functions/http/handlers/create-dossier';
import { handler as getDossierHandler } from '../../functions/http/handlers/get-dossier';
import { handler as patchDossierHandler } from '../../functions/http/handlers/patch-dossier';
import type { HttpEvent, HttpResponse } from '../../functions/http/types';

/** Invokes a handler as API Gateway does: the event names the route it matched (unless the test says). */
type Routed = ((event: HttpEvent, context: Context) => Promise<HttpResponse>) & { routeKeys?: string[] };
const asRouted =
  (handler: Routed) =>
  (event: HttpEvent, context: Context): Promise<HttpResponse> =>
    handler({ ...event, routeKey: event.routeKey ?? handler.routeKeys?.[0] } as HttpEvent, context);
const createCompany = asRouted(createCompanyHandler);
const createDossier = asRouted(createDossierHandler);
const getDossier = asRouted(getDossierHandler);
const patchDossier = asRouted(patchDossierHandler);

process.env.TABLE_NAME = 'table';
process.env.STATE_MACHINE_ARN = 'arn:aws:states:eu-west-3:123456789012:stateMachine:dossier';

const ddb = mockClient(DynamoDBDocumentClient);
const sfn = mockClient(SFNClient);
const context = { functionName: 'test', awsRequestId: 'r' } as Context;

const event = (options: {
  body?: unknown;
  claims?: Record<string, unknown>;
  id?: string;
  headers?: Record<string, string>;
  /** the route API Gateway matched: the wrapper checks its roles */
  routeKey?: string;
}) =>
  ({
    rawPath: '/v1/test',
    ...(options.routeKey ? { routeKey: options.routeKey } : {}),
    headers: { 'content-type': 'application/json', ...options.headers },
    body: bodyText(options.body),
    isBase64Encoded: false,
    pathParameters: options.id ? { id: options.id } : undefined,
    requestContext: {
      requestId: 'req-1',
      authorizer: options.claims ? { jwt: { claims: options.claims, scopes: [] } } : undefined,
    },
  }) as unknown as HttpEvent;

const candidate = { sub: 'u-1', 'cognito:groups': '[candidate]', 'custom:ensId': 'company-1', token_use: 'access' };
const company = {
  id: 'company-1',
  name: 'Acme',
  siret: '73282932000074',
  legalRepresentative: { firstName: 'A', lastName: 'B', email: 'rep@acme.fr', phone: '+33123456789' },
  contact: { firstName: 'C', lastName: 'D', email: 'contact@acme.fr', phone: '+33123456789' },
  createdAt: '2026-01-01T00:00:00.000Z',
};
const storedDossier = (version: number, companyId = 'company-1') => ({
  Item: {
    version,
    journalHead: { seq: 1, hash: 'a'.repeat(64) },
    dossier: {
      id: 'd-1',
      companyId,
      status: 'draft',
      referentialVersion: '1.4.2',
      product: { name: 'P', version: '1' },
      useCase: 'city_practice',
      profiles: ['general'],
      components: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      createdBy: 'u-1',
      // recent: an older draft would be abandoned first (legal effects first, guide §5.2)
      lastCandidateActivityAt: new Date(Date.now() - 86_400_000).toISOString(),
      deadlines: [],
    },
  },
});

/** the platform's own binding of the candidate's account to its company */
const bindCandidate = () =>
  ddb.on(GetCommand, { Key: { pk: 'USER#u-1', sk: 'COMPANY' } }).resolves({ Item: { companyId: 'company-1' } });

beforeEach(() => {
  ddb.reset();
  sfn.reset();
  useDependencies(undefined); // build from the environment, as in Lambda
  bindCandidate();
});

describe('tenant isolation on the server side', () => {
  it('refuses a token whose company claim disagrees with the account’s binding (403), before any read', async () => {
    ddb.on(GetCommand, { Key: { pk: 'USER#u-9', sk: 'COMPANY' } }).resolves({ Item: { companyId: 'company-1' } });
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'META', ...storedDossier(3, 'company-2').Item }] });
    const forged = { sub: 'u-9', 'cognito:groups': '[candidate]', 'custom:ensId': 'company-2', token_use: 'access' };
    const response = await getDossier(event({ claims: forged, id: 'd-1' }), context);
    expect(response.statusCode).toBe(403);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(0);
  });

  it('refuses a candidate account that no invitation bound to a company', async () => {
    ddb.on(GetCommand).resolves({});
    bindCandidate();
    const stranger = {
      sub: 'u-unknown',
      'cognito:groups': '[candidate]',
      'custom:ensId': 'company-1',
      token_use: 'access',
    };
    const response = await getDossier(event({ claims: stranger, id: 'd-1' }), context);
    expect(response.statusCode).toBe(403);
  });
});

describe('POST /v1/dossiers', () => {
  it('stores the draft, its journal and its mail in one transaction, then starts the workflow', async () => {
    ddb.on(GetCommand).resolves({ Item: { company } });
    bindCandidate();
    ddb.on(TransactWriteCommand).resolves({});
    // the year's sequence of references (its counter)
    ddb.on(UpdateCommand).resolves({ Attributes: { value: 42 } });
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn' });
    const response = await createDossier(
      event({
        claims: candidate,
        body: { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: ['general'] },
      }),
      context,
    );
    expect(response.statusCode).toBe(201);
    expect(response.headers?.etag).toBe('"1"');
    // the service's instant rides on each answer: the portal counts time left from it
    expect(Math.abs(Date.parse(String(response.headers?.['x-service-time'])) - Date.now())).toBeLessThan(60_000);
    const items = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(items.map((i) => i.Put?.Item?.type)).toEqual(['dossier', 'journal-head', 'event', 'outbox', 'product-key']);
    expect(items[0]!.Put!.Item!.dossier.reference).toMatch(/^CAND-\d{4}-00042$/);
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.Key!.pk).toMatch(/^COUNTER#dossier#\d{4}$/);
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.name).toMatch(/^dossier-/);
  });

  it('answers 403 to a non-candidate and 400 to a bad body, writing nothing', async () => {
    const instructor = await createDossier(
      event({
        claims: { sub: 'i', 'cognito:groups': '[instructor]', token_use: 'access' },
        body: {},
        routeKey: 'POST /v1/dossiers',
      }),
      context,
    );
    expect(instructor.statusCode).toBe(403);
    const bad = await createDossier(event({ claims: candidate, body: '{oops' }), context);
    expect(bad.statusCode).toBe(400);
    expect(JSON.parse(bad.body!)).toMatchObject({ status: 400, title: expect.any(String), detail: expect.any(String) });
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });

  it('answers 413 to an oversized body and 415 to a non-JSON one', async () => {
    const big = await createDossier(event({ claims: candidate, body: 'x'.repeat(300 * 1024) }), context);
    expect(big.statusCode).toBe(413);
    const xml = await createDossier(
      event({ claims: candidate, body: '<a/>', headers: { 'content-type': 'application/xml' } }),
      context,
    );
    expect(xml.statusCode).toBe(415);
  });

  it('hides internal failures behind a 500 problem without details', async () => {
    ddb.on(GetCommand).rejects(new Error('socket hang up at 10.0.0.1'));
    bindCandidate();
    const response = await createDossier(
      event({
        claims: candidate,
        body: { product: { name: 'P', version: '1' }, useCase: 'city_practice', profiles: [] },
      }),
      context,
    );
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('10.0.0.1');
  });
});

describe('GET and PATCH /v1/dossiers/{id}', () => {
  it('returns 404 for another company’s dossier, never 403', async () => {
    // the wrapper's tenancy check reads the dossier (with its uploads) before anything else
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'META', ...storedDossier(3, 'company-2').Item }] });
    const response = await getDossier(event({ claims: candidate, id: 'd-1' }), context);
    expect(response.statusCode).toBe(404);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
  });

  it('reads a candidate’s dossier once: the tenancy check’s read serves the use case', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'META', ...storedDossier(3).Item }] });
    const response = await getDossier(event({ claims: candidate, id: 'd-1' }), context);
    expect(response.statusCode).toBe(200);
    expect(ddb.commandCalls(QueryCommand)).toHaveLength(1);
    expect(
      ddb.commandCalls(GetCommand).filter((c) => String(c.args[0].input.Key?.pk).startsWith('DOSSIER#')),
    ).toHaveLength(0);
  });

  it('maps a lost optimistic-locking race to 412', async () => {
    ddb.on(GetCommand).resolves(storedDossier(3));
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'META', ...storedDossier(3).Item }] });
    bindCandidate();
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }],
      }),
    );
    const response = await patchDossier(
      event({ claims: candidate, id: 'd-1', body: { nie: 'N' }, headers: { 'if-match': '"3"' } }),
      context,
    );
    expect(response.statusCode).toBe(412);
  });

  it('saves a patch without waking the workflow (activity only moves deadlines later)', async () => {
    ddb.on(GetCommand).resolves(storedDossier(3));
    ddb.on(QueryCommand).resolves({ Items: [{ sk: 'META', ...storedDossier(3).Item }] });
    bindCandidate();
    ddb.on(TransactWriteCommand).resolves({});
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: { wait: { dossierId: 'd-1', taskToken: 'tok', waitingFor: 'candidate', since: '' } } });
    const { SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
    sfn.on(SendTaskSuccessCommand).resolves({});
    const response = await patchDossier(
      event({ claims: candidate, id: 'd-1', body: { nie: 'N' }, headers: { 'if-match': '"3"' } }),
      context,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers?.etag).toBe('"4"');
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(0);
    expect(ddb.commandCalls(UpdateCommand)).toHaveLength(0); // the stored token stays for the next real signal
  });
});

describe('POST /v1/companies', () => {
  it('maps a taken SIRET to 409', async () => {
    ddb.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: 'cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
      }),
    );
    const response = await createCompany(
      event({
        claims: { sub: 'a', 'cognito:groups': '[admin]', token_use: 'access' },
        body: {
          name: 'Acme',
          siret: company.siret,
          legalRepresentative: company.legalRepresentative,
          contact: company.contact,
        },
      }),
      context,
    );
    expect(response.statusCode).toBe(409);
  });

  it('answers 401 without claims', async () => {
    const response = await createCompany(event({ body: {} }), context);
    expect(response.statusCode).toBe(401);
  });
});

describe('POST /v1/dossiers/{id}/submit', () => {
  it('wakes the workflow with the stored token once the candidature is submitted', async () => {
    const submit = asRouted((await import('../../functions/http/handlers/submit-dossier')).handler);
    const { SendTaskSuccessCommand } = await import('@aws-sdk/client-sfn');
    const dossier = storedDossier(3).Item;
    const complete = {
      ...dossier,
      dossier: {
        ...dossier.dossier,
        profiles: [
          'general',
          'identity_referential',
          'e_prescription',
          'identity_referential_insi_card',
          'hds_third_party',
        ],
        nie: 'NIE',
        nil: 'NIL',
        plannedCompleteProofDate: '2027-01-01',
        publishPlannedDate: false,
        deployedInTeleconsultationCompany: false,
      },
    };
    ddb.on(QueryCommand).resolves({
      Items: [
        { sk: 'META', ...complete },
        { sk: 'UPLOAD#u', upload: { id: 'u', purpose: 'functional_documentation', status: 'received', createdAt: '' } },
      ],
    });
    ddb.on(GetCommand).resolves({ Item: { company } });
    ddb.on(GetCommand, { Key: { pk: 'DOSSIER#d-1', sk: 'META' } }).resolves({ Item: complete });
    bindCandidate();
    ddb.on(TransactWriteCommand).resolves({});
    ddb
      .on(UpdateCommand)
      .resolves({ Attributes: { wait: { dossierId: 'd-1', taskToken: 'tok', waitingFor: 'draft', since: '' } } });
    sfn.on(SendTaskSuccessCommand).resolves({});
    const response = await submit(event({ claims: candidate, id: 'd-1' }), context);
    expect(response.statusCode).toBe(200);
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]!.args[0].input.taskToken).toBe('tok');
  });
});
