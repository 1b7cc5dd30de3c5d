import * as z from 'zod';

/** One deployment stage's settings, from cdk.json `context.stages.<stage>` (`-c stage=prod`). */
export const stageConfigSchema = z.object({
  mailDomain: z.string().min(3),
  allowedOrigins: z.array(z.url()).min(1),
  ansMailbox: z.email(),
  alarmTopicName: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/),
  /** the portal's TLS certificate for the first allowed origin; CloudFront takes it from us-east-1 only */
  portalCertificateArn: z
    .string()
    .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'an ACM certificate ARN in us-east-1'),
  /** the front's web ACL (`TlcEdge-<stage>`'s output, us-east-1): deploy the edge stack first */
  webAclArn: z
    .string()
    .regex(/^arn:aws:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/, 'a CloudFront-scope web ACL ARN'),
  /** the stage's RFC 3161 timestamp authority and the public certificates (README « Proof ») */
  trust: z
    .object({
      tsaUrl: z.url().startsWith('https://', 'an https URL: the authority is reached over TLS'),
      tsaName: z.string().min(1).max(200),
      tsaCertificates: z.array(z.string().startsWith('-----BEGIN CERTIFICATE-----')),
      sealCertificates: z.array(z.string().startsWith('-----BEGIN CERTIFICATE-----')),
    })
    .optional(),
});
export type StageConfig = z.infer<typeof stageConfigSchema>;

export const STAGES = ['dev', 'preprod', 'prod'] as const;

/** The chosen stage and its settings; an unknown stage or a missing setting stops the synth. */
export const stageFromContext = (context: (key: string) => unknown) => {
  const stage = String(context('stage') ?? 'dev');
  if (!STAGES.includes(stage as (typeof STAGES)[number]))
    throw new Error(`unknown stage "${stage}": one of ${STAGES.join(', ')}`);
  const stages = (context('stages') ?? {}) as Record<string, unknown>;
  const parsed = stageConfigSchema.safeParse(stages[stage]);
  if (!parsed.success) throw new Error(`cdk.json context.stages.${stage} is invalid: ${parsed.error.message}`);
  return { stage, config: parsed.data };
};
