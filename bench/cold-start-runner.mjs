// A fresh Node process: load one deployed bundle, serve one invocation, print how long it took.
const [bundle, handlerName, eventJson] = process.argv.slice(2);
const t0 = performance.now();
const module = await import(bundle);
const loaded = performance.now();
const context = { functionName: 'bench', awsRequestId: 'bench', getRemainingTimeInMillis: () => 10_000 };
const result = await module[handlerName](JSON.parse(eventJson), context);
const served = performance.now();
process.stdout.write(
  JSON.stringify({ loadMs: loaded - t0, invokeMs: served - loaded, status: result?.statusCode ?? null }),
);
