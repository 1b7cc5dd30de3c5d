import { NotFoundError } from '../../domain/errors';
import { isStaff } from '../../domain/caller';
import { publicView } from '../../domain/certificate';
import { isCertificateNumber } from '../../domain/schemas';
import { BadRequestError } from '../../domain/errors';
import { httpHandler, json } from '../http-handler';
import { callerOf } from '../request';

/** A certificate and its life, for ANS staff and the company that holds it (read-only). */
export const handler = httpHandler(async ({ event, deps }) => {
  const caller = callerOf(event);
  const number = event.pathParameters?.number ?? '';
  if (!isCertificateNumber(number)) throw new BadRequestError('a certificate number looks like TLC-2026-000123');
  const c = await deps.certificates.get(number);
  if (!c || (!isStaff(caller) && caller.ensId !== c.companyId)) throw new NotFoundError('no such certificate');
  return json(200, { ...publicView(c), life: c });
});
