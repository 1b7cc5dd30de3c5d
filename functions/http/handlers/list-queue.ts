import { BadRequestError } from '../../domain/errors';
import { QUEUE_STAGES, type QueueStage } from '../../domain/queue-stages';
import { listQueue } from '../../use-cases/list-queue';
import { endpoint, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams, queryParam } from '../request';

export const handler = endpoint(routes.listQueue, async ({ event, deps, caller }) => {
  const stage = queryParam(event, 'stage');
  if (!stage || !(QUEUE_STAGES as readonly string[]).includes(stage)) {
    throw new BadRequestError(`stage must be one of ${QUEUE_STAGES.join(', ')}`);
  }
  const { limit, cursor } = pageParams(event);
  return json(200, await listQueue(deps, caller, stage as QueueStage, limit, cursor));
});
