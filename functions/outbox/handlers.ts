import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dependencies } from '../container';
import type { OutboxMessage } from '../domain/outbox';
import { logger } from '../observability';
import { dispatchOutbox } from '../use-cases/dispatch-outbox';

/** Stream trigger: mail written to the outbox is sent as soon as the transaction commits. */
export const onStream = middy<DynamoDBStreamEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: DynamoDBStreamEvent) => {
    const messages = event.Records.flatMap((r) => {
      const image = r.dynamodb?.NewImage;
      return image ? [unmarshall(image as Record<string, AttributeValue>).message as OutboxMessage] : [];
    });
    const result = await dispatchOutbox(dependencies(), messages);
    logger.info('outbox dispatched', result);
  });

/** Scheduled sweep: retries whatever is still pending (SES outage, throttling). */
export const sweep = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const result = await dispatchOutbox(dependencies());
    logger.info('outbox swept', result);
  });
