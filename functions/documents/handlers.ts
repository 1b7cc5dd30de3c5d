import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dependencies } from '../container';
import type { DocumentJob } from '../domain/document-job';
import { logger } from '../observability';
import { renderDocuments } from '../use-cases/render-documents';

/** Stream trigger: a document asked for in a transaction is rendered as soon as it commits. */
export const onStream = middy<DynamoDBStreamEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: DynamoDBStreamEvent) => {
    const jobs = event.Records.flatMap((r) => {
      const image = r.dynamodb?.NewImage;
      return image ? [unmarshall(image as Record<string, AttributeValue>).job as DocumentJob] : [];
    });
    const result = await renderDocuments(dependencies(), jobs);
    logger.info('documents rendered', result);
    // a failed job stays pending for the sweep; failing the batch would only replay the others
  });

/** Scheduled sweep: renders whatever is still pending. */
export const sweep = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const result = await renderDocuments(dependencies());
    logger.info('documents swept', result);
  });
