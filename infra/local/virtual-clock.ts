import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DocumentClient } from '../../functions/adapters/dynamo/client';
import type { Clock } from '../../functions/domain/clock';

const KEY = { pk: 'LOCAL#CLOCK', sk: 'CLOCK' };

/**
 * Wall clock plus an offset that only moves forward; the offset is persisted so that a restart of
 * the local stack keeps the virtual date. A fresh stack may begin at a pinned instant
 * (`LOCAL_CLOCK_START`): what it does then no longer depends on the day it runs.
 */
export class VirtualClock implements Clock {
  private offsetMs = 0;

  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  /** Reads the stored offset; a stack with none begins at `start` (when given) or at the wall clock. */
  async load(start?: Date): Promise<void> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: KEY }));
    if (typeof Item?.offsetMs === 'number') this.offsetMs = Item.offsetMs;
    else if (start) await this.store(start.getTime() - Date.now());
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves the clock to `instant` if it lies ahead; never backwards. */
  async moveTo(instant: Date): Promise<void> {
    const offset = instant.getTime() - Date.now();
    if (offset <= this.offsetMs) return;
    await this.store(offset);
  }

  private async store(offsetMs: number) {
    this.offsetMs = offsetMs;
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...KEY, offsetMs } }));
  }
}

/** `LOCAL_CLOCK_START`, an RFC 3339 instant; anything else stops the stack with a clear message. */
export const clockStartFromEnvironment = (value = process.env.LOCAL_CLOCK_START): Date | undefined => {
  if (!value) return undefined;
  const start = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(start.getTime()))
    throw new Error(`LOCAL_CLOCK_START must be an RFC 3339 instant (e.g. 2027-03-26T09:00:00+01:00), not "${value}"`);
  return start;
};
