import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { installSourceMappedStacks } from './stack-traces';

/** Shared Powertools instances: one logger and metrics per function container.
 * Log lines carry ids and codes, never names, emails or phone numbers.
 * Tracing is Lambda's active X-Ray tracing (every invocation, with API Gateway and Step Functions
 * in the same trace); the Powertools Tracer and its X-Ray SDK (≈ 115 KB in every bundle, most
 * of a cold start's module loading) are left out. */
export const logger = new Logger({ serviceName: 'tlc-certification' });
export const metrics = new Metrics({ namespace: 'TlcCertification', serviceName: 'tlc-certification' });

// in a deployed bundle (index.mjs, its map beside it), stacks name the TypeScript sources; under
// tsx and vitest they already do
if (import.meta.url.endsWith('.mjs')) installSourceMappedStacks(import.meta.url);
