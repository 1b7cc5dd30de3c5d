import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { dependencies, useTrustServices } from '../container';
import { awsStampServices } from '../adapters/trust/aws-stamp';
import { ENV, requireEnv } from '../config/env';
import type { JournalRequest } from '../domain/journal-requests';
import type { StampJob } from '../domain/trusted-timestamps';
import { logger } from '../observability';
import { anchorJournals } from '../use-cases/anchor-journals';
import { recordJournalRequests } from '../use-cases/record-journal-requests';
import { stampEvents } from '../use-cases/stamp-events';

/**
 * The proof worker: obtains the trusted timestamps of the events with legal weight, anchors every
 * journal once a day and chains the journal events reads asked for (downloads).
 */

// the timestamp authority, reached from these functions alone; no seal (functions/proof/seal.ts)
useTrustServices(awsStampServices(() => requireEnv(ENV.trustParameter)));

/** Stream trigger: a stamp job or a journal request written in a transaction is done as soon as it commits. */
export const onStream = middy<DynamoDBStreamEvent>()
  .use(injectLambdaContext(logger))
  .handler(async (event: DynamoDBStreamEvent) => {
    const items = event.Records.flatMap((r) => {
      const image = r.dynamodb?.NewImage;
      return image ? [unmarshall(image as Record<string, AttributeValue>)] : [];
    });
    const stamps = items.filter((i) => i.type === 'stamp-job').map((i) => i.job as StampJob);
    const requests = items.filter((i) => i.type === 'journal-request').map((i) => i.request as JournalRequest);
    const deps = dependencies();
    if (requests.length) logger.info('journal requests recorded', await recordJournalRequests(deps, requests));
    if (stamps.length) logger.info('events timestamped', await stampEvents(deps, stamps));
    // a failed job stays pending for the sweep; failing the batch would only replay the others
  });

/** Scheduled sweep (every five minutes): whatever is still pending, and the day's journal anchor. */
export const sweep = middy()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const deps = dependencies();
    logger.info('journal requests swept', await recordJournalRequests(deps));
    logger.info('timestamps swept', await stampEvents(deps));
    // the day's anchor of every journal, on the first sweep of the day (an authority down: the next)
    logger.info('journals anchored', await anchorJournals(deps));
  });
