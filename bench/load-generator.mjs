// The load generator, in a process of its own so that it never shares the server's event loop.
// argv: a JSON { mode: "api" | "getItem", clients, perClient, url?, token?, endpoint?, table?, key? }
// prints one JSON line: { latencies: number[] } (ms)
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const job = JSON.parse(process.argv[2]);
const client =
  job.mode === 'getItem'
    ? new DynamoDBClient({
        endpoint: job.endpoint,
        region: 'eu-west-3',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      })
    : undefined;
const once =
  job.mode === 'api'
    ? async () => {
        const response = await fetch(job.url, { headers: { authorization: `Bearer ${job.token}` } });
        await response.arrayBuffer();
      }
    : async () => {
        await client.send(
          new GetItemCommand({
            TableName: job.table,
            Key: { pk: { S: job.key.pk }, sk: { S: job.key.sk } },
            ConsistentRead: true,
          }),
        );
      };
// warm-up: connections and JIT, not measured
for (let i = 0; i < 20; i++) await once();
const latencies = [];
await Promise.all(
  Array.from({ length: job.clients }, async () => {
    for (let i = 0; i < job.perClient; i++) {
      const t = performance.now();
      await once();
      latencies.push(performance.now() - t);
    }
  }),
);
process.stdout.write(`${JSON.stringify({ latencies })}\n`);
