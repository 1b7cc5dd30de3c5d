import { App } from 'aws-cdk-lib';
import { CertificationStack } from '../certification-stack';

export interface TableSpec {
  logicalId: string;
  keySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  attributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  globalSecondaryIndexes: {
    IndexName: string;
    KeySchema: TableSpec['keySchema'];
    Projection: { ProjectionType: string };
  }[];
}

export interface BucketSpec {
  logicalId: string;
  cors?: unknown;
}

/**
 * Synthesises the real CDK stack (without bundling functions) and reads its tables and
 * buckets, so that the local stack creates exactly what CloudFormation would.
 */
export const synthesizeTemplate = (): Record<string, { Type: string; Properties?: Record<string, unknown> }> => {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const stack = new CertificationStack(app, 'TlcCertificationLocal');
  const assembly = app.synth();
  return assembly.getStackByName(stack.stackName).template.Resources;
};

export const readResources = (resources = synthesizeTemplate()) => {
  const tables: TableSpec[] = [];
  const buckets: BucketSpec[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const p = resource.Properties ?? {};
    if (resource.Type === 'AWS::DynamoDB::Table') {
      tables.push({
        logicalId,
        keySchema: p.KeySchema as TableSpec['keySchema'],
        attributeDefinitions: p.AttributeDefinitions as TableSpec['attributeDefinitions'],
        globalSecondaryIndexes: (p.GlobalSecondaryIndexes as TableSpec['globalSecondaryIndexes']) ?? [],
      });
    }
    if (resource.Type === 'AWS::S3::Bucket' && p.CorsConfiguration)
      buckets.push({ logicalId, cors: p.CorsConfiguration });
  }
  return { tables, buckets };
};

/** Local names: lower-case logical ids, valid for both DynamoDB and S3. */
export const localName = (logicalId: string) => `local-${logicalId.toLowerCase()}`;
