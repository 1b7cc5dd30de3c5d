import { publishedCertificates, publishedCertificatesCsv } from '../../use-cases/certificates';
import { file, httpHandler, json } from '../http-handler';
import { pageParams } from '../request';

/** The published list: JSON, or CSV with `Accept: text/csv`. No authentication, no personal data. */
export const handler = httpHandler(async ({ event, deps }) => {
  if ((event.headers.accept ?? '').includes('text/csv')) {
    return file(await publishedCertificatesCsv(deps), 'text/csv; charset=utf-8', {
      'content-disposition': 'attachment; filename="certificats.csv"',
      'cache-control': 'public, max-age=60',
    });
  }
  const { limit, cursor } = pageParams(event);
  return json(200, await publishedCertificates(deps, limit, cursor), { 'cache-control': 'public, max-age=60' });
});
