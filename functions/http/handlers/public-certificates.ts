import { publishedCertificates, publishedCertificatesCsv } from '../../use-cases/certificates';
import { file, httpHandler, json } from '../http-handler';
import * as routes from '../routes';
import { pageParams, queryParam } from '../request';
import { ENDED_STATUSES } from '../../domain/certificate';
import { BadRequestError } from '../../domain/errors';

/**
 * The published list: JSON, or CSV with `Accept: text/csv`; certificates in force by default,
 * `?status=withdrawn|terminated|expired` for ended ones. No authentication, no personal data.
 */
export const handler = httpHandler(routes.publicCertificates, async ({ event, deps }) => {
  if ((event.headers.accept ?? '').includes('text/csv')) {
    return file(await publishedCertificatesCsv(deps), 'text/csv; charset=utf-8', {
      'content-disposition': 'attachment; filename="certificats.csv"',
      'cache-control': 'public, max-age=60',
    });
  }
  const { limit, cursor } = pageParams(event);
  const status = queryParam(event, 'status');
  if (status !== undefined && !(ENDED_STATUSES as readonly string[]).includes(status))
    throw new BadRequestError(
      `status is one of ${ENDED_STATUSES.join(', ')} (the list shows certificates in force by default)`,
    );
  return json(200, await publishedCertificates(deps, limit, cursor, status as (typeof ENDED_STATUSES)[number]), {
    'cache-control': 'public, max-age=60',
  });
});
