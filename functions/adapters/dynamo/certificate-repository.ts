import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Certificate, CertificateStatus } from '../../domain/certificate';
import type { CertificateRepository, Page } from '../../domain/ports';
import { queryPartition, type DocumentClient } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { isConditionFailure } from './errors';

export const certificateKey = (number: string) => ({ pk: `CERTIFICATE#${number}`, sk: 'META' });
export const PUBLIC_CERTIFICATES = 'PUBLIC#CERTIFICATES';
/** Partition of the sparse index of certificates' next clock instants (gsi2). */
export const CERTIFICATE_CLOCKS = 'CLOCK#CERTIFICATE';

/** The Put that stores a certificate inside a dossier transaction, listed in the public index. */
export const certificatePut = (table: string, certificate: Certificate) => ({
  Put: {
    TableName: table,
    Item: {
      ...certificateKey(certificate.number),
      type: 'certificate',
      gsi1pk: PUBLIC_CERTIFICATES,
      gsi1sk: `${certificate.grantedAt}#${certificate.number}`,
      // due for a check at once, until its clock is scheduled: a lost schedule is found again
      gsi2pk: CERTIFICATE_CLOCKS,
      gsi2sk: `${certificate.updatedAt}#${certificate.number}`,
      certificate,
    },
  },
});

export class DynamoCertificateRepository implements CertificateRepository {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async allocateNumber(year: number): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `COUNTER#certificate#${year}`, sk: 'COUNTER' },
        UpdateExpression: 'ADD #v :one',
        ExpressionAttributeNames: { '#v': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(Attributes?.value);
  }

  async get(number: string): Promise<Certificate | null> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: certificateKey(number) }));
    return (Item?.certificate as Certificate | undefined) ?? null;
  }

  async setClock(number: string, wakeAt: string | null): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: certificateKey(number),
          ConditionExpression: 'attribute_exists(pk)',
          ...(wakeAt
            ? {
                UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk',
                ExpressionAttributeValues: { ':pk': CERTIFICATE_CLOCKS, ':sk': `${wakeAt}#${number}` },
              }
            : { UpdateExpression: 'REMOVE gsi2pk, gsi2sk' }),
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async erase(certificate: Certificate): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: certificateKey(certificate.number),
          UpdateExpression: 'SET certificate = :c',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':c': certificate },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async *clocks(): AsyncIterable<{ number: string; wakeAt: string }> {
    for await (const item of queryPartition(this.db, this.table, { index: 'gsi2', value: CERTIFICATE_CLOCKS })) {
      const [wakeAt, number] = String(item.gsi2sk).split('#');
      yield { number: number!, wakeAt: wakeAt! };
    }
  }

  async listPublic(
    limit: number,
    cursor?: string,
    statuses?: readonly CertificateStatus[],
  ): Promise<Page<Certificate>> {
    // a filter on the status: DynamoDB applies it after the page is read, so read on until the page
    // is full or the index ends (each read stops at the page's remaining room)
    const items: Certificate[] = [];
    let start = await decodeCursor(cursor, PUBLIC_CERTIFICATES);
    let last: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ...(statuses
            ? {
                FilterExpression: `certificate.#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': PUBLIC_CERTIFICATES,
            ...Object.fromEntries((statuses ?? []).map((status, i) => [`:s${i}`, status])),
          },
          ScanIndexForward: false,
          Limit: limit - items.length,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []).map((i) => i.certificate as Certificate));
      last = page.LastEvaluatedKey;
      start = last;
    } while (last && items.length < limit);
    return { items, nextCursor: await encodeCursor(last, PUBLIC_CERTIFICATES) };
  }
}
