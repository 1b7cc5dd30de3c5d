import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { createDocumentClient } from '../../functions/adapters/dynamo/client';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/services';
import type { TestStack } from './local-stack';

/** The SDK on a test stack's emulators: what a test reads or writes behind the API. */
export const stackTable = (stack: Pick<TestStack, 'endpoints'>) =>
  createDocumentClient(
    new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  );

export const stackS3 = (stack: Pick<TestStack, 'endpoints'>, config: Partial<S3ClientConfig> = {}) =>
  new S3Client({
    endpoint: stack.endpoints.s3,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    forcePathStyle: true,
    ...config,
  });
