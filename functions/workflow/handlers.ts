import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { dependencies } from '../container';
import { logger } from '../observability';
import { evaluateDossier } from '../use-cases/evaluate-dossier';
import { registerWait } from '../use-cases/register-wait';
import { z } from 'zod';

const evaluateInput = z.object({ dossierId: z.string().min(1) });
const waitInput = z.object({
  dossierId: z.string().min(1),
  waitingFor: z.string().min(1),
  taskToken: z.string().min(1),
});

/** Task "Evaluate": re-entrant decision step of the dossier workflow. */
export const evaluate = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => evaluateDossier(dependencies(), evaluateInput.parse(event).dossierId));

/** Task "AwaitCandidate" (.waitForTaskToken): stores the token for the API. */
export const registerWaitHandler = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => registerWait(dependencies(), waitInput.parse(event)));
