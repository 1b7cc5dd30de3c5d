import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod';
import { dependencies } from '../container';
import { logger } from '../observability';
import { evaluateDossier } from '../use-cases/evaluate-dossier';

const evaluateInput = z.object({ dossierId: z.string().min(1) });

/** Task "Evaluate": re-entrant decision step of the dossier workflow. */
export const evaluate = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => evaluateDossier(dependencies(), evaluateInput.parse(event).dossierId));
