import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import * as z from 'zod';
import { dependencies } from '../container';
import { logger } from '../observability';
import { evaluateDossier } from '../use-cases/evaluate-dossier';

/**
 * The execution's state as Evaluate sees it. Executions that started on an earlier version of the
 * state machine keep running it after a deploy and still send `{ dossierId }` alone (a Lambda is
 * not versioned with the state machine): they are generation 1 of unknown age.
 */
const evaluateInput = z.union([
  z.object({
    input: z.object({
      dossierId: z.string().min(1),
      generation: z.number().int().positive().default(1),
      cycle: z.number().int().nonnegative().default(0),
    }),
    startedAt: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({ dossierId: z.string().min(1) }).transform(({ dossierId }) => ({
    input: { dossierId, generation: 1, cycle: 0 },
    startedAt: undefined,
  })),
]);

/** Task "Evaluate": re-entrant decision step of the dossier workflow. */
export const evaluate = middy()
  .use(injectLambdaContext(logger))
  .handler(async (event: unknown) => {
    const { input, startedAt } = evaluateInput.parse(event);
    return evaluateDossier(dependencies(), input.dossierId, {
      generation: input.generation,
      cycle: input.cycle,
      ...(startedAt ? { startedAt: new Date(startedAt) } : {}),
    });
  });
