import { ScanCommand, type ScanCommandInput } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';

/**
 * Every item a Scan returns, page after page. Operators' tools and local-only routes only: no
 * request path of the service scans (they Get or Query).
 */
export async function* scanTable(db: DocumentClient, input: Omit<ScanCommandInput, 'ExclusiveStartKey'>) {
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}
