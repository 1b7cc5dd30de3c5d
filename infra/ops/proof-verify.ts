import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DynamoDossierRepository } from '../../functions/adapters/dynamo/dossier-repository';
import { createDocumentClient, type DocumentClient } from '../../functions/adapters/dynamo/client';
import { DOCUMENT_FOLDER_NAMES } from '../../functions/domain/document-job';
import { verifyChain, type JournalEvent } from '../../functions/domain/journal';
import { anchorDigest, parseAnchorText } from '../../functions/domain/journal-anchor';
import { DynamoJournalAnchors } from '../../functions/adapters/dynamo/journal-anchors';
import { isTimestamped } from '../../functions/domain/trusted-timestamps';
import { checkSeal, checkToken, publicTrust } from './token-check';

/** One dossier's proof, as `npm run proof:verify -- <dossierId>` prints it. */
export interface ProofReport {
  dossierId: string;
  chain: { intact: boolean; events: number; firstBrokenSeq?: number };
  events: {
    seq: number;
    type: string;
    at: string;
    token: 'verified' | 'broken' | 'awaited' | 'none';
    stampedAt?: string;
  }[];
  documents: { key: string; sealed: boolean; signer?: string; signingTime?: string; validation?: string }[];
  /** the latest daily anchor: its list matches its digest, its token its digest, and this journal its listed head */
  anchor?: {
    day: string;
    listIntact: boolean;
    token: 'verified' | 'broken';
    stampedAt?: string;
    head: 'matches' | 'differs' | 'not listed';
  };
  ok: boolean;
}

/**
 * For one dossier: its journal chain, each event's timestamp token (openssl, against the
 * authority's published certificates) and each issued document's seal (pdfsig). Only public
 * material vouches: the certificates come from `GET /v1/public/trust`, never from a key.
 */
export const proofOf = async (
  source: { db: DocumentClient; table: string; s3: S3Client; bucket: string },
  dossierId: string,
  trust: { tsaCertificates: string[] },
): Promise<ProofReport> => {
  const events = await new DynamoDossierRepository(source.db, source.table).journal(dossierId);
  const broken = verifyChain(events);
  const checked = events.map((e) => {
    if (!e.timestamp)
      return { seq: e.seq, type: e.type, at: e.at, token: isTimestamped(e.type) ? 'awaited' : 'none' } as const;
    const check = checkToken(e.timestamp.token, e.hash, trust.tsaCertificates);
    return {
      seq: e.seq,
      type: e.type,
      at: e.at,
      token: check.ok ? 'verified' : 'broken',
      stampedAt: check.stampedAt,
    } as const;
  });
  const documents: ProofReport['documents'] = [];
  for (const kind of DOCUMENT_FOLDER_NAMES) {
    const listed = await source.s3.send(
      new ListObjectsV2Command({ Bucket: source.bucket, Prefix: `dossiers/${dossierId}/${kind}/` }),
    );
    for (const object of listed.Contents ?? []) {
      const got = await source.s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: object.Key! }));
      const seal = checkSeal(await got.Body!.transformToByteArray());
      documents.push({ key: object.Key!, sealed: seal.ok, ...seal });
    }
  }
  const anchor = await anchorCheck(source, dossierId, events, trust);
  return {
    dossierId,
    anchor,
    chain: {
      intact: broken === -1,
      events: events.length,
      ...(broken !== -1 ? { firstBrokenSeq: events[broken]!.seq } : {}),
    },
    events: checked,
    documents,
    ok:
      broken === -1 &&
      checked.every((e) => e.token !== 'broken') &&
      documents.every((d) => d.sealed) &&
      (!anchor || (anchor.listIntact && anchor.token === 'verified' && anchor.head !== 'differs')),
  };
};

/** The latest anchor's word on this journal: the event at the anchored position must still have the anchored hash. */
const anchorCheck = async (
  source: { db: DocumentClient; table: string; s3: S3Client; bucket: string },
  dossierId: string,
  events: JournalEvent[],
  trust: { tsaCertificates: string[] },
): Promise<ProofReport['anchor']> => {
  const anchor = await new DynamoJournalAnchors(source.db, source.table).latest();
  if (!anchor) return undefined;
  const got = await source.s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: anchor.key }));
  const text = await got.Body!.transformToString('utf8');
  const listed = parseAnchorText(text).find((h) => h.dossierId === dossierId);
  const token = checkToken(anchor.timestamp.token, anchor.digest, trust.tsaCertificates);
  const event = listed ? events.find((e) => e.seq === listed.head.seq) : undefined;
  return {
    day: anchor.day,
    listIntact: anchorDigest(text) === anchor.digest,
    token: token.ok ? 'verified' : 'broken',
    stampedAt: token.stampedAt,
    head: !listed ? 'not listed' : event?.hash === listed.head.hash ? 'matches' : 'differs',
  };
};

const print = (report: ProofReport) => {
  const { chain } = report;
  console.log(`dossier ${report.dossierId}`);
  console.log(
    chain.intact ? `  chain: ${chain.events} events, intact` : `  chain: BROKEN at event ${chain.firstBrokenSeq}`,
  );
  for (const e of report.events)
    if (e.token !== 'none')
      console.log(
        `  #${e.seq} ${e.type} at ${e.at}: token ${e.token}${e.stampedAt ? ` (stamped ${e.stampedAt})` : ''}`,
      );
  if (report.anchor) {
    const a = report.anchor;
    console.log(
      `  anchor of ${a.day}: list ${a.listIntact ? 'intact' : 'ALTERED'}, token ${a.token}${a.stampedAt ? ` (stamped ${a.stampedAt})` : ''}, this journal's head ${a.head}`,
    );
  }
  for (const d of report.documents)
    console.log(
      `  ${d.key}: ${d.sealed ? 'sealed' : 'NOT VALID'} — ${d.signer ?? '?'}, ${d.signingTime ?? '?'}, ${d.validation}`,
    );
  console.log(report.ok ? 'the proof holds' : 'THE PROOF DOES NOT HOLD');
};

/**
 * `npm run proof:verify -- <dossierId>`: TABLE_NAME and EVIDENCE_BUCKET in AWS (API_URL for the
 * public trust material); by default the local stack (DynamoDB 8000, S3 4569, API 3000).
 */
const main = async () => {
  const dossierId = process.argv[2];
  if (!dossierId) {
    console.error('usage: npm run proof:verify -- <dossierId>');
    process.exitCode = 2;
    return;
  }
  const local = !process.env.TABLE_NAME;
  const { LOCAL_CREDENTIALS, LOCAL_REGION } = await import('../local/services');
  const localConfig = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  let table = process.env.TABLE_NAME;
  let bucket = process.env.EVIDENCE_BUCKET;
  if (local) {
    const { readResources, localName, synthesizeTemplate } = await import('../local/template-resources');
    const resources = synthesizeTemplate();
    const { tables } = readResources(resources);
    table = localName((tables.find((t) => t.globalSecondaryIndexes.length > 0) ?? tables[0]!).logicalId);
    bucket = localName(
      Object.keys(resources).find(
        (id) => id.startsWith('EvidenceBucket') && resources[id]!.Type === 'AWS::S3::Bucket',
      )!,
    );
  }
  const db = createDocumentClient(
    new DynamoDBClient(
      local ? { endpoint: `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`, ...localConfig } : {},
    ),
  );
  const s3 = new S3Client(
    local ? { endpoint: `http://127.0.0.1:${process.env.S3_PORT ?? 4569}`, forcePathStyle: true, ...localConfig } : {},
  );
  const trust = await publicTrust(process.env.API_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`);
  const report = await proofOf({ db, table: table!, s3, bucket: bucket! }, dossierId, trust);
  print(report);
  if (!report.ok) process.exitCode = 1;
};

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
