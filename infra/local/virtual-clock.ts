import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';
import type { Clock } from '../../functions/domain/clock';

const KEY = { pk: 'LOCAL#CLOCK', sk: 'CLOCK' };

/** Wall clock plus an offset that only moves forward; the offset is persisted so that a
 * restart of the local stack keeps the virtual date. */
export class VirtualClock implements Clock {
  private offsetMs = 0;

  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async load(): Promise<void> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: KEY }));
    this.offsetMs = typeof Item?.offsetMs === 'number' ? Item.offsetMs : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `instant` if it lies ahead; never backwards. */
  async moveTo(instant: Date): Promise<void> {
    const offset = instant.getTime() - Date.now();
    if (offset <= this.offsetMs) return;
    this.offsetMs = offset;
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...KEY, offsetMs: offset } }));
  }
}
