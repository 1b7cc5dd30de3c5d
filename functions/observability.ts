import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { Tracer } from '@aws-lambda-powertools/tracer';

/** Shared Powertools instances: one logger, tracer and metrics per function container.
 * Log lines carry ids and codes, never names, emails or phone numbers. */
export const logger = new Logger({ serviceName: 'tlc-certification' });
export const tracer = new Tracer({ serviceName: 'tlc-certification' });
export const metrics = new Metrics({ namespace: 'TlcCertification', serviceName: 'tlc-certification' });
