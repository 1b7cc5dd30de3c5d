// The load generator, in a process of its own so that it never shares the server's event loop.
// argv: a JSON { mode: "api" | "getItem" | "query", clients, perClient, url?, token?, endpoint?, table?, key?, until? }
// prints one JSON line: { latencies: number[] (ms), cpuMs: its own CPU time while measuring }
// ("query": the API's own read, done raw — the dossier's partition from its key's sk to `until`)
//
// Both modes go over the same transport: node:http with a keep-alive agent of 50 sockets, as the
// AWS SDK's default NodeHttpHandler makes for the raw GetItem. The API mode once used `fetch` (undici), whose client
// spends several times node:http's CPU per request; on two cores shared with the server and
// DynamoDB Local's JVM that cost landed in the API's latency and was measured as the API's overhead.
import http from 'node:http';
import { DynamoDBClient, GetItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';

const job = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
const client =
  job.mode !== 'api'
    ? new DynamoDBClient({
        endpoint: job.endpoint,
        region: 'eu-west-3',
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      })
    : undefined;
const get = (url, headers) =>
  new Promise((resolve, reject) => {
    const request = http.request(url, { agent, headers }, (response) => {
      if (response.statusCode !== 200) reject(new Error(`GET ${url}: ${response.statusCode}`));
      response.on('data', () => undefined);
      response.on('end', resolve);
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
const once =
  job.mode === 'api'
    ? () => get(job.url, { authorization: `Bearer ${job.token}` })
    : job.mode === 'query'
      ? async () => {
          await client.send(
            new QueryCommand({
              TableName: job.table,
              KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': { S: job.key.pk },
                ':from': { S: job.key.sk },
                ':to': { S: job.until },
              },
              ConsistentRead: true,
            }),
          );
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
const cpu = process.cpuUsage();
await Promise.all(
  Array.from({ length: job.clients }, async () => {
    for (let i = 0; i < job.perClient; i++) {
      const t = performance.now();
      await once();
      latencies.push(performance.now() - t);
    }
  }),
);
const spent = process.cpuUsage(cpu);
process.stdout.write(`${JSON.stringify({ latencies, cpuMs: (spent.user + spent.system) / 1000 })}\n`);
