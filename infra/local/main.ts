import path from 'node:path';
import { startLocalStack } from './local-stack';

/**
 * `npm start`: the whole system on this machine. Ctrl-C stops every child.
 *
 * The test harness starts the stack with this same file and loader (tsx), so the tests run the
 * code exactly as `npm start` does: with `LOCAL_STACK_CONTROL=stdio` it prints one
 * `LOCAL_STACK_READY <json>` line (its URLs, ports and table) and stops when its standard input
 * closes — when the test process that started it ends, however it ends.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const controlled = process.env.LOCAL_STACK_CONTROL === 'stdio';

process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.AWS_REGION ??= 'eu-west-3';

const stack = await startLocalStack({
  port: env('PORT', 3000),
  dynamoPort: env('DYNAMODB_PORT', 8000),
  s3Port: env('S3_PORT', 4569),
  sesPort: env('SES_PORT', 8005),
  dataDir: path.resolve(process.env.LOCAL_DATA_DIR ?? '.local'),
  quiet: controlled,
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  if (!controlled) console.log('Stopping the local stack…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

if (controlled) {
  const ready = {
    url: stack.url,
    urls: stack.urls,
    endpoints: stack.endpoints,
    tableName: stack.tableName,
    buckets: stack.buckets,
    dynamoPid: stack.dynamoPid,
    pid: process.pid,
  };
  process.stdout.write(`LOCAL_STACK_READY ${JSON.stringify(ready)}\n`);
  process.stdin.on('end', shutdown).on('close', shutdown).resume();
}
