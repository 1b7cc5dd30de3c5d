import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dependencies, useTrustServices } from '../container';
import { remoteSealServices } from '../adapters/trust/remote-seal';
import { ENV, requireEnv } from '../config/env';
import type { DocumentJob } from '../domain/document-job';
import { logger } from '../observability';
import { renderDocuments } from '../use-cases/render-documents';

/**
 * The renderer: renders the PDFs the commands ask for (the only functions with pdf-lib) and has
 * each sealed by the sealer (functions/proof/handlers.ts), which alone holds the seal key.
 */

useTrustServices(remoteSealServices(() => requireEnv(ENV.sealFunction)));

/** Stream trigger: a document job written in a transaction is done as soon as it commits. */
export const onStream = middy<DynamoDBStreamEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: DynamoDBStreamEvent) => {
    const documents = event.Records.flatMap((r) => {
      const image = r.dynamodb?.NewImage;
      return image ? [unmarshall(image as Record<string, AttributeValue>)] : [];
    })
      .filter((i) => i.type === 'document-job')
      .map((i) => i.job as DocumentJob);
    if (documents.length) logger.info('documents rendered', await renderDocuments(dependencies(), documents));
    // a failed job stays pending for the sweep; failing the batch would only replay the others
  });

/** Scheduled sweep (every five minutes): the documents whose first attempt failed. */
export const sweep = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    logger.info('documents swept', await renderDocuments(dependencies()));
  });
