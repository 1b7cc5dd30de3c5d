import { BadRequestError } from '../../domain/errors';
import { QUEUE_STAGES, type QueueStage } from '../../domain/queue-stages';
import { writeXlsx } from '../../adapters/spreadsheet/xlsx';
import { exportQueue } from '../../use-cases/export-queue';
import { endpoint, file } from '../http-handler';
import * as routes from '../routes';
import { queryParam } from '../request';

export const handler = endpoint(routes.exportQueue, async ({ event, deps, caller }) => {
  const stage = queryParam(event, 'stage');
  const format = queryParam(event, 'format') ?? 'csv';
  if (!stage || !(QUEUE_STAGES as readonly string[]).includes(stage))
    throw new BadRequestError(`stage must be one of ${QUEUE_STAGES.join(', ')}`);
  if (format !== 'csv' && format !== 'xlsx') throw new BadRequestError('format must be csv or xlsx');
  const { contentType, body } = await exportQueue(deps, caller, stage as QueueStage, format, { writeXlsx });
  return file(format === 'csv' ? body.toString('utf8') : body, contentType, {
    'content-disposition': `attachment; filename="file-${stage}.${format}"`,
  });
});
