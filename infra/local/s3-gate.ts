import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * S3's front door, locally: the emulator (s3rver) stores whatever it is sent — a zeroed signature,
 * a key rewritten to another company's dossier, an extended expiry, another content type, an
 * unsigned LIST of the sensitive bucket — where S3 refuses them all. This gate stands where S3's
 * endpoint is and verifies every request as S3 does before the emulator sees it: AWS Signature
 * Version 4, presigned (query) or in the Authorization header, its credential, scope, expiry and
 * signed headers; `If-None-Match: *` on a PUT refuses to overwrite an object (S3's conditional
 * write). Browsers' CORS preflights (OPTIONS, never signed) pass to the emulator's CORS rules.
 */
export interface GateOptions {
  port: number;
  upstream: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** S3 checks expiry against its own clock: the wall clock, as the presigner signs with it */
  now?: () => number;
}

const ALGORITHM = 'AWS4-HMAC-SHA256';

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256Hex = (data: string) => createHash('sha256').update(data, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

const signingKey = (secret: string, date: string, region: string) =>
  hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');

interface Signed {
  credential: string;
  amzDate: string;
  signedHeaders: string[];
  signature: string;
  payloadHash: string;
  /** query parameters as sent, the signature excluded */
  query: [string, string][];
  expiresSeconds?: number;
}

const parseQuery = (raw: string): [string, string][] =>
  raw
    ? raw.split('&').map((pair) => {
        const i = pair.indexOf('=');
        const k = i < 0 ? pair : pair.slice(0, i);
        const v = i < 0 ? '' : pair.slice(i + 1);
        return [decodeURIComponent(k.replace(/\+/g, '%20')), decodeURIComponent(v.replace(/\+/g, '%20'))];
      })
    : [];

/** What a request says of its signature, or why it has none S3 would accept. */
const signatureOf = (req: IncomingMessage, query: [string, string][]): Signed | string => {
  const q = new Map(query);
  if (q.has('X-Amz-Signature')) {
    if (q.get('X-Amz-Algorithm') !== ALGORITHM) return 'only AWS4-HMAC-SHA256 is accepted';
    const expires = Number(q.get('X-Amz-Expires'));
    if (!Number.isInteger(expires) || expires < 1 || expires > 604_800) return 'X-Amz-Expires is invalid';
    return {
      credential: q.get('X-Amz-Credential') ?? '',
      amzDate: q.get('X-Amz-Date') ?? '',
      signedHeaders: (q.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean),
      signature: q.get('X-Amz-Signature') ?? '',
      payloadHash: q.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD',
      query: query.filter(([k]) => k !== 'X-Amz-Signature'),
      expiresSeconds: expires,
    };
  }
  const auth = req.headers.authorization;
  if (!auth) return 'anonymous access is denied: sign the request';
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+),\s*SignedHeaders=([^,]+),\s*Signature=([0-9a-f]{64})$/.exec(auth);
  if (!match) return 'the Authorization header is not AWS Signature Version 4';
  return {
    credential: match[1]!,
    amzDate: String(req.headers['x-amz-date'] ?? ''),
    signedHeaders: match[2]!.split(';'),
    signature: match[3]!,
    payloadHash: String(req.headers['x-amz-content-sha256'] ?? ''),
    query,
  };
};

/** Why S3 would refuse this request (403), or null once its signature checks out. */
export const verifySigV4 = (req: IncomingMessage, options: GateOptions): string | null => {
  // the path as sent, never normalised: S3 signs the raw URI (a rewritten key breaks the signature)
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
  const signed = signatureOf(req, parseQuery(rawQuery));
  if (typeof signed === 'string') return signed;
  const [accessKeyId, date, region, service, terminator] = signed.credential.split('/');
  if (accessKeyId !== options.credentials.accessKeyId) return 'the access key is unknown';
  if (region !== options.region || service !== 's3' || terminator !== 'aws4_request')
    return 'the credential scope is not this region’s S3';
  if (!/^\d{8}T\d{6}Z$/.test(signed.amzDate) || signed.amzDate.slice(0, 8) !== date) return 'X-Amz-Date is invalid';
  const signedAt = Date.UTC(
    Number(signed.amzDate.slice(0, 4)),
    Number(signed.amzDate.slice(4, 6)) - 1,
    Number(signed.amzDate.slice(6, 8)),
    Number(signed.amzDate.slice(9, 11)),
    Number(signed.amzDate.slice(11, 13)),
    Number(signed.amzDate.slice(13, 15)),
  );
  const now = (options.now ?? Date.now)();
  if (signed.expiresSeconds !== undefined && now > signedAt + signed.expiresSeconds * 1000)
    return 'the request has expired';
  // a header-signed request is valid 15 minutes either side of S3's clock
  if (signed.expiresSeconds === undefined && Math.abs(now - signedAt) > 15 * 60_000)
    return 'the difference between the request time and the current time is too large';
  if (!signed.signedHeaders.includes('host')) return 'the host header must be signed';
  const headers: string[] = [];
  for (const name of [...signed.signedHeaders].sort()) {
    const value = req.headers[name];
    if (value === undefined) return `the signed header ${name} is missing`;
    headers.push(`${name}:${(Array.isArray(value) ? value.join(',') : value).trim().replace(/\s+/g, ' ')}\n`);
  }
  const canonicalQuery = signed.query
    .map(([k, v]) => [encode(k), encode(v)] as const)
    .sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalRequest = [
    req.method,
    rawPath,
    canonicalQuery,
    headers.join(''),
    [...signed.signedHeaders].sort().join(';'),
    signed.payloadHash,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = [ALGORITHM, signed.amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const expected = createHmac('sha256', signingKey(options.credentials.secretAccessKey, date!, region!))
    .update(toSign, 'utf8')
    .digest();
  const given = Buffer.from(signed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'the request signature we calculated does not match the signature you provided';
  return null;
};

const xmlError = (res: ServerResponse, status: number, code: string, message: string) => {
  res.writeHead(status, { 'content-type': 'application/xml', 'access-control-allow-origin': '*' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
};

/** S3's smallest part, the last one excepted (EntityTooSmall at completion otherwise). */
const MIN_PART_BYTES = 5 * 1024 * 1024;

interface PartHeld {
  etag: string;
  size: number;
  sha256?: string;
  at: string;
}
interface MultipartHeld {
  path: string;
  /** the checksum every part must carry (`x-amz-checksum-algorithm` at creation) */
  algorithm?: string;
  parts: Map<number, PartHeld>;
}

const xmlEscape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const unquote = (etag: string) => etag.replace(/"/g, '').replace(/&quot;/g, '');

export const startS3Gate = async (options: GateOptions) => {
  const upstream = new URL(options.upstream);
  /**
   * Multipart uploads as S3 keeps them: s3rver stores parts and concatenates whatever a
   * completion names, lists no parts and aborts nothing. The gate records each part it passed
   * (its ETag, size and SHA-256) and refuses, as S3 does, a part without the checksum its upload
   * was opened with, a completion naming a part not held, out of order, with another ETag or
   * checksum, or smaller than 5 MiB but the last; it answers ListParts and AbortMultipartUpload.
   */
  const multiparts = new Map<string, MultipartHeld>();
  /** Forwards a request whose body is already read, and hands back the emulator's whole answer. */
  const exchange = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const out = forward(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () =>
            resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }),
          );
          answer.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  const relay = (
    res: ServerResponse,
    answer: { status: number; headers: IncomingMessage['headers']; body: Buffer },
  ) => {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
    res.end(answer.body);
  };
  const multipart = async (req: IncomingMessage, res: ServerResponse, query: Map<string, string>): Promise<boolean> => {
    const path = (req.url ?? '/').split('?')[0]!;
    const uploadId = query.get('uploadId');
    if (req.method === 'POST' && query.has('uploads')) {
      const answer = await exchange(req, await bodyOf(req));
      const id = /<UploadId>([^<]+)<\/UploadId>/.exec(answer.body.toString('utf8'))?.[1];
      if (answer.status === 200 && id) {
        const algorithm = req.headers['x-amz-checksum-algorithm'];
        multiparts.set(id, {
          path,
          ...(typeof algorithm === 'string' ? { algorithm: algorithm.toUpperCase() } : {}),
          parts: new Map(),
        });
      }
      relay(res, answer);
      return true;
    }
    if (uploadId === undefined) return false;
    const held = multiparts.get(uploadId);
    if (!held || held.path !== path) {
      req.resume();
      xmlError(res, 404, 'NoSuchUpload', 'The specified upload does not exist');
      return true;
    }
    if (req.method === 'PUT') {
      const partNumber = Number(query.get('partNumber'));
      const checksum = req.headers['x-amz-checksum-sha256'];
      if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 10_000) {
        req.resume();
        xmlError(res, 400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive');
        return true;
      }
      if (held.algorithm === 'SHA256' && typeof checksum !== 'string') {
        req.resume();
        xmlError(res, 400, 'InvalidRequest', 'Checksum Type mismatch occurred, expected checksum Type: sha256');
        return true;
      }
      const body = await bodyOf(req);
      const sha256 = createHash('sha256').update(body).digest('base64');
      if (typeof checksum === 'string' && sha256 !== checksum) {
        xmlError(res, 400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum');
        return true;
      }
      const answer = await exchange(req, body);
      if (answer.status === 200)
        held.parts.set(partNumber, {
          etag: `"${createHash('md5').update(body).digest('hex')}"`,
          size: body.length,
          ...(typeof checksum === 'string' ? { sha256 } : {}),
          at: new Date((options.now ?? Date.now)()).toISOString(),
        });
      relay(res, answer);
      return true;
    }
    if (req.method === 'GET') {
      req.resume();
      const [bucket = '', ...key] = path.slice(1).split('/');
      const parts = [...held.parts.entries()].sort(([a], [b]) => a - b);
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(
        '<?xml version="1.0" encoding="UTF-8"?><ListPartsResult>' +
          `<Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(decodeURIComponent(key.join('/')))}</Key>` +
          `<UploadId>${xmlEscape(uploadId)}</UploadId><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>` +
          parts
            .map(
              ([n, p]) =>
                `<Part><PartNumber>${n}</PartNumber><LastModified>${p.at}</LastModified>` +
                `<ETag>${xmlEscape(p.etag)}</ETag><Size>${p.size}</Size>` +
                (p.sha256 ? `<ChecksumSHA256>${p.sha256}</ChecksumSHA256>` : '') +
                '</Part>',
            )
            .join('') +
          '</ListPartsResult>',
      );
      return true;
    }
    if (req.method === 'DELETE') {
      req.resume();
      multiparts.delete(uploadId);
      res.writeHead(204);
      res.end();
      return true;
    }
    if (req.method === 'POST') {
      const body = await bodyOf(req);
      const named = [...body.toString('utf8').matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part]) => ({
        partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(part!)?.[1]),
        etag: unquote(/<ETag>([^<]*)<\/ETag>/.exec(part!)?.[1] ?? ''),
        sha256: /<ChecksumSHA256>([^<]*)<\/ChecksumSHA256>/.exec(part!)?.[1],
      }));
      const refuse = (status: number, code: string, message: string) => {
        xmlError(res, status, code, message);
        return true;
      };
      if (!named.length) return refuse(400, 'MalformedXML', 'The XML you provided was not well-formed');
      if (named.some((part, i) => i > 0 && part.partNumber <= named[i - 1]!.partNumber))
        return refuse(400, 'InvalidPartOrder', 'The list of parts was not in ascending order');
      for (const part of named) {
        const stored = held.parts.get(part.partNumber);
        if (!stored || unquote(stored.etag) !== part.etag)
          return refuse(400, 'InvalidPart', 'One or more of the specified parts could not be found');
        if (held.algorithm === 'SHA256' && part.sha256 !== stored.sha256)
          return refuse(400, 'InvalidPart', 'The checksum of a part does not match the one it was sent with');
      }
      // every part found, then their sizes: all but the last at least 5 MiB
      if (named.slice(0, -1).some((part) => held.parts.get(part.partNumber)!.size < MIN_PART_BYTES))
        return refuse(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
      if (req.headers['if-none-match'] === '*' && (await exists(req)))
        return refuse(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold');
      const answer = await exchange(req, body);
      if (answer.status === 200) multiparts.delete(uploadId);
      relay(res, answer);
      return true;
    }
    return false;
  };
  const pass = (req: IncomingMessage, res: ServerResponse, body?: Buffer) => {
    const out = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => (res.headersSent ? res.destroy() : xmlError(res, 502, 'BadGateway', 'storage unavailable')));
    if (body) out.end(body);
    else req.pipe(out);
  };
  /** The body of a PUT, read whole: S3 checks its declared SHA-256 before it stores anything. */
  const bodyOf = (req: IncomingMessage) =>
    new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });
  /** S3's conditional write: `If-None-Match: *` on a PUT fails (412) where the object exists. */
  const exists = (req: IncomingMessage) =>
    new Promise<boolean>((resolve) => {
      const head = forward(
        { host: upstream.hostname, port: upstream.port, method: 'HEAD', path: (req.url ?? '/').split('?')[0] },
        (answer) => {
          answer.resume();
          resolve(answer.statusCode === 200);
        },
      );
      head.on('error', () => resolve(false));
      head.end();
    });
  const server = createServer((req, res) => {
    void (async () => {
      if (req.method === 'OPTIONS') return pass(req, res);
      const refused = verifySigV4(req, options);
      if (refused) {
        req.resume();
        return xmlError(res, 403, refused.includes('expired') ? 'AccessDenied' : 'SignatureDoesNotMatch', refused);
      }
      if (await multipart(req, res, new Map(parseQuery((req.url ?? '').split(/\?(.*)/s)[1] ?? '')))) return;
      if (req.method === 'PUT' && req.headers['if-none-match'] === '*' && (await exists(req))) {
        req.resume();
        return xmlError(
          res,
          412,
          'PreconditionFailed',
          'At least one of the pre-conditions you specified did not hold',
        );
      }
      const checksum = req.headers['x-amz-checksum-sha256'];
      if (req.method === 'PUT' && typeof checksum === 'string') {
        const body = await bodyOf(req);
        if (createHash('sha256').update(body).digest('base64') !== checksum)
          return xmlError(res, 400, 'BadDigest', 'The SHA256 you specified did not match the calculated checksum');
        return pass(req, res, body);
      }
      pass(req, res);
    })().catch(() => (res.headersSent ? res.destroy() : xmlError(res, 502, 'BadGateway', 'storage unavailable')));
  });
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
