import { downloadCertificate } from '../../use-cases/certificates';
import { BadRequestError } from '../../domain/errors';
import { httpHandler, json } from '../http-handler';
import { callerOf } from '../request';

export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const number = event.pathParameters?.number ?? '';
  if (!/^TLC-\d{4}-\d{6}$/.test(number)) throw new BadRequestError('a certificate number looks like TLC-2026-000123');
  return json(200, await downloadCertificate(deps, caller, number));
});
