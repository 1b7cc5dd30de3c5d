import path from 'node:path';
import { startLocalStack } from './local-stack';

/** `npm start`: the whole system on this machine. Ctrl-C stops every child. */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

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
});

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('Stopping the local stack…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
