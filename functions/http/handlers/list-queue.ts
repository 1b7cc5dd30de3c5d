import { BadRequestError } from '../../domain/errors';
import { QUEUE_STAGES, type QueueStage } from '../../domain/schemas';
import { listQueue } from '../../use-cases/list-queue';
import { httpHandler, json } from '../http-handler';
import { callerOf, pageParams, queryParam } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const stage = queryParam(event, 'stage');
  if (!stage || !(QUEUE_STAGES as readonly string[]).includes(stage)) {
    throw new BadRequestError(`stage must be one of ${QUEUE_STAGES.join(', ')}`);
  }
  const { limit, cursor } = pageParams(event);
  return json(200, await listQueue(deps, caller, stage as QueueStage, limit, cursor));
});
