import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { restoreDrill } from '../../infra/ops/restore-drill';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
import { api } from './api-client';
import * as journey from './journeys';
import type { TestStack } from './local-stack';

/**
 * The restore drill on a local stack holding real journals: two dossiers filed through the
 * procedure (one ready for the collège, one admissible), then export → restore → verify.
 */
export const restoreDrillOnStack = async (stack: Pick<TestStack, 'url' | 'endpoints' | 'tableName'>, seed: number) => {
  const http = api(stack.url);
  await journey.readyForCollege(http, seed);
  await journey.admissibleDossier(http, seed + 1, 'practice');
  const client = new DynamoDBClient({
    endpoint: stack.endpoints.dynamodb,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
  });
  return restoreDrill(client, stack.tableName, `${stack.tableName}-restored`);
};
