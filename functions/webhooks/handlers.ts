import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dependencies, useWebhookSender } from '../container';
import { HttpWebhookSender } from '../adapters/http/webhook-sender';
import type { WebhookEventBatch } from '../domain/webhooks';
import { logger } from '../observability';
import { deliverWebhooks, fanOutWebhookEvents } from '../use-cases/deliver-webhooks';

/**
 * The webhook worker. From the stream: a change's events become deliveries as soon as the change
 * commits, and the first attempts go at once. Every minute: whatever batch is still pending, and
 * the retries that are due. Either way each delivery is attempted at most once a round, in order
 * per endpoint and dossier; a failure only sets its next attempt.
 */
// in AWS: https only, public addresses only, 10 s (the SSRF guard, domain/webhook-url.ts)
useWebhookSender(new HttpWebhookSender({ allowLoopback: false }));

export const onStream = middy<DynamoDBStreamEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: DynamoDBStreamEvent) => {
    const batches = event.Records.flatMap((r) => {
      const image = r.dynamodb?.NewImage;
      return image ? [unmarshall(image as Record<string, AttributeValue>)] : [];
    })
      .filter((i) => i.type === 'webhook-events')
      .map((i) => i.batch as WebhookEventBatch);
    const deps = dependencies();
    logger.info('webhook events fanned out', await fanOutWebhookEvents(deps, batches));
    logger.info('webhooks delivered', await deliverWebhooks(deps, { limit: 10 }));
  });

/** Scheduled sweep (every minute): the batches left pending, then the deliveries due. */
export const sweep = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const deps = dependencies();
    logger.info('webhook events swept', await fanOutWebhookEvents(deps));
    logger.info('webhooks delivered', await deliverWebhooks(deps, { limit: 25 }));
  });
