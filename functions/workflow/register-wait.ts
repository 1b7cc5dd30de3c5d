import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod';
import { dependencies } from '../container';
import { logger } from '../observability';
import { registerWait } from '../use-cases/register-wait';

/** Executions on an earlier version of the state machine send neither generation nor wake instant. */
const waitInput = z.object({
  dossierId: z.string().min(1),
  waitingFor: z.string().min(1),
  taskToken: z.string().min(1),
  generation: z.number().int().positive().default(1),
  wakeAt: z.iso.datetime({ offset: true }).optional(),
  version: z.number().int().nonnegative().optional(),
});

/** Task "AwaitSignal" (.waitForTaskToken): stores the token where the API finds it. */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => registerWait(dependencies(), waitInput.parse(event)));
