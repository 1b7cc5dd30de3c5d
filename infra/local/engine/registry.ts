import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryPartition, type DocumentClient } from '../../../functions/adapters/dynamo/client';

const EXECUTIONS = 'LOCAL#EXECUTIONS';
const SCHEDULES = 'LOCAL#SCHEDULES';

export interface RegisteredExecution {
  name: string;
  dossierId: string;
  generation: number;
  startedAt?: number;
}

export interface StoredSchedule {
  name: string;
  dueAt: number;
  certificateNumber: string;
}

/**
 * What the local engine keeps in the table so that a restart finds it again: the live executions
 * (started again at Evaluate, which is re-entrant) and the one-time schedules. AWS keeps both
 * itself; locally they live in two partitions of the platform's own table.
 */
export class EngineRegistry {
  constructor(
    private readonly db: DocumentClient,
    private readonly table: string,
  ) {}

  async register(execution: RegisteredExecution & { startedAt: number }) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: EXECUTIONS,
          sk: execution.name,
          dossierId: execution.dossierId,
          generation: execution.generation,
          startedAt: execution.startedAt,
        },
      }),
    );
  }

  async unregister(name: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: EXECUTIONS, sk: name } }));
  }

  async executions(): Promise<RegisteredExecution[]> {
    return (await this.query(EXECUTIONS)).map((item) => ({
      name: String(item.sk),
      dossierId: String(item.dossierId ?? item.sk),
      generation: Number(item.generation ?? 1),
      ...(item.startedAt !== undefined ? { startedAt: Number(item.startedAt) } : {}),
    }));
  }

  async putSchedule(schedule: StoredSchedule) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          pk: SCHEDULES,
          sk: schedule.name,
          dueAt: schedule.dueAt,
          certificateNumber: schedule.certificateNumber,
        },
      }),
    );
  }

  async deleteSchedule(name: string) {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: { pk: SCHEDULES, sk: name } }));
  }

  async schedules(): Promise<StoredSchedule[]> {
    return (await this.query(SCHEDULES)).map((s) => ({
      name: String(s.sk),
      dueAt: Number(s.dueAt),
      certificateNumber: String(s.certificateNumber),
    }));
  }

  private async query(pk: string) {
    const items: Record<string, unknown>[] = [];
    for await (const item of queryPartition(this.db, this.table, { value: pk })) items.push(item);
    return items;
  }
}
