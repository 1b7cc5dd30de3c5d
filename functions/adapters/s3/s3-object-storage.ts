import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type * as S3 from '@aws-sdk/client-s3';
import type * as Presigner from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage, ObjectStoreName, StoredPart } from '../../domain/ports';
import type { StoredObject } from '../../domain/upload';

type S3Sdk = typeof S3 & Pick<typeof Presigner, 'getSignedUrl'>;

/**
 * Evidence storage on S3. Uploads are presigned PUTs that sign the content type, the exact
 * length and the SHA-256 (as an unhoistable header, so S3 enforces it); the object is then
 * inspected by the object-created handler, since S3 only enforces what was signed.
 */
/** The tag GuardDuty Malware Protection for S3 writes on each object it scans. */
export const MALWARE_SCAN_TAG = 'GuardDutyMalwareScanStatus';

export class S3ObjectStorage implements ObjectStorage {
  constructor(
    private readonly sdk: S3Sdk,
    private readonly s3: S3.S3Client,
    private readonly buckets: Record<ObjectStoreName, string>,
    /** the buckets keep versions (AWS: versioned, under Object Lock); s3rver keeps none */
    private readonly versioned = true,
  ) {}

  /**
   * Loads the S3 SDK (on first use: a function that never touches S3 never loads it) and builds
   * the client. SDK ≥ 3.729 would add a CRC32 of an empty body to presigned PUTs without WHEN_REQUIRED.
   */
  static async create(
    buckets: Record<ObjectStoreName, string>,
    config: S3.S3ClientConfig = {},
    options: { versioned?: boolean } = {},
  ) {
    const [s3, presigner] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
    const sdk: S3Sdk = { ...s3, getSignedUrl: presigner.getSignedUrl };
    const client = new s3.S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...config,
    });
    return new S3ObjectStorage(sdk, client, buckets, options.versioned ?? true);
  }

  async presignPut(
    store: ObjectStoreName,
    key: string,
    file: { contentType: string; size: number; sha256: string },
    expiresIn: number,
  ) {
    const command = new this.sdk.PutObjectCommand({
      Bucket: this.buckets[store],
      Key: key,
      ContentType: file.contentType,
      ContentLength: file.size,
      ChecksumSHA256: file.sha256,
      // S3's conditional write: the link creates the object once, never overwrites a settled file
      IfNoneMatch: '*',
    });
    const url = await this.sdk.getSignedUrl(this.s3, command, {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length', 'if-none-match']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'if-none-match']),
    });
    return {
      url,
      headers: { 'content-type': file.contentType, 'x-amz-checksum-sha256': file.sha256, 'if-none-match': '*' },
    };
  }

  async startMultipart(store: ObjectStoreName, key: string, file: { contentType: string }) {
    const started = await this.s3.send(
      new this.sdk.CreateMultipartUploadCommand({
        Bucket: this.buckets[store],
        Key: key,
        ContentType: file.contentType,
        // every part then must carry its SHA-256, which S3 checks on arrival
        ChecksumAlgorithm: 'SHA256',
      }),
    );
    if (!started.UploadId) throw new Error('storage opened no multipart upload');
    return started.UploadId;
  }

  async presignPart(
    store: ObjectStoreName,
    key: string,
    storageId: string,
    part: { partNumber: number; size: number; sha256: string },
    expiresIn: number,
  ) {
    const command = new this.sdk.UploadPartCommand({
      Bucket: this.buckets[store],
      Key: key,
      UploadId: storageId,
      PartNumber: part.partNumber,
      ContentLength: part.size,
      ChecksumSHA256: part.sha256,
    });
    const url = await this.sdk.getSignedUrl(this.s3, command, {
      expiresIn,
      signableHeaders: new Set(['content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return { url, headers: { 'x-amz-checksum-sha256': part.sha256 } };
  }

  async listParts(store: ObjectStoreName, key: string, storageId: string): Promise<StoredPart[] | null> {
    const parts: StoredPart[] = [];
    let PartNumberMarker: string | undefined;
    try {
      do {
        const page = await this.s3.send(
          new this.sdk.ListPartsCommand({
            Bucket: this.buckets[store],
            Key: key,
            UploadId: storageId,
            PartNumberMarker,
          }),
        );
        for (const p of page.Parts ?? [])
          if (p.PartNumber && p.ETag)
            parts.push({
              partNumber: p.PartNumber,
              etag: p.ETag,
              size: p.Size ?? 0,
              ...(p.ChecksumSHA256 ? { sha256: p.ChecksumSHA256 } : {}),
            });
        PartNumberMarker = page.IsTruncated ? page.NextPartNumberMarker : undefined;
      } while (PartNumberMarker);
      return parts;
    } catch (error) {
      if (error instanceof this.sdk.NoSuchUpload) return null;
      throw error;
    }
  }

  async completeMultipart(store: ObjectStoreName, key: string, storageId: string, parts: StoredPart[]) {
    await this.s3.send(
      new this.sdk.CompleteMultipartUploadCommand({
        Bucket: this.buckets[store],
        Key: key,
        UploadId: storageId,
        MultipartUpload: {
          Parts: parts.map((p) => ({
            PartNumber: p.partNumber,
            ETag: p.etag,
            ...(p.sha256 ? { ChecksumSHA256: p.sha256 } : {}),
          })),
        },
        // as a presigned PUT: the upload creates the object once, never over a settled file
        IfNoneMatch: '*',
      }),
    );
  }

  async inspect(store: ObjectStoreName, key: string): Promise<StoredObject | null> {
    const Bucket = this.buckets[store];
    try {
      const head = await this.s3.send(new this.sdk.HeadObjectCommand({ Bucket, Key: key, ChecksumMode: 'ENABLED' }));
      const size = head.ContentLength ?? -1;
      if (head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-')) {
        return { size, sha256: head.ChecksumSHA256, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
      }
      // a store that kept no checksum (s3rver, or a multipart object): hash the bytes ourselves
      const object = await this.s3.send(new this.sdk.GetObjectCommand({ Bucket, Key: key }));
      const hash = createHash('sha256');
      let length = 0;
      for await (const chunk of object.Body as Readable) {
        hash.update(chunk as Buffer);
        length += (chunk as Buffer).length;
      }
      return {
        size: length,
        sha256: hash.digest('base64'),
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
      };
    } catch (error) {
      if (error instanceof this.sdk.NotFound || error instanceof this.sdk.NoSuchKey) return null;
      throw error;
    }
  }

  async readHead(store: ObjectStoreName, key: string, bytes: number): Promise<Buffer> {
    try {
      const object = await this.s3.send(
        new this.sdk.GetObjectCommand({ Bucket: this.buckets[store], Key: key, Range: `bytes=0-${bytes - 1}` }),
      );
      const chunks: Buffer[] = [];
      let length = 0;
      for await (const chunk of object.Body as Readable) {
        chunks.push(chunk as Buffer);
        length += (chunk as Buffer).length;
        if (length >= bytes) break; // a store that ignored the range: stop reading
      }
      return Buffer.concat(chunks).subarray(0, bytes);
    } catch (error) {
      if (error instanceof this.sdk.NotFound || error instanceof this.sdk.NoSuchKey) return Buffer.alloc(0);
      throw error;
    }
  }

  async exists(store: ObjectStoreName, key: string): Promise<boolean> {
    try {
      await this.s3.send(new this.sdk.HeadObjectCommand({ Bucket: this.buckets[store], Key: key }));
      return true;
    } catch (error) {
      if (error instanceof this.sdk.NotFound || error instanceof this.sdk.NoSuchKey) return false;
      throw error;
    }
  }

  async put(store: ObjectStoreName, key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.buckets[store],
        Key: key,
        Body: body,
        ContentType: contentType,
        ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
      }),
    );
  }

  async presignGet(store: ObjectStoreName, key: string, fileName: string, expiresIn: number): Promise<string> {
    const command = new this.sdk.GetObjectCommand({
      Bucket: this.buckets[store],
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    return this.sdk.getSignedUrl(this.s3, command, { expiresIn });
  }

  async scanTag(store: ObjectStoreName, key: string): Promise<string | null> {
    try {
      const tagging = await this.s3.send(
        new this.sdk.GetObjectTaggingCommand({ Bucket: this.buckets[store], Key: key }),
      );
      return tagging.TagSet?.find((t) => t.Key === MALWARE_SCAN_TAG)?.Value ?? null;
    } catch (error) {
      if (error instanceof this.sdk.NotFound || error instanceof this.sdk.NoSuchKey) return null;
      throw error;
    }
  }

  async remove(store: ObjectStoreName, key: string): Promise<void> {
    await this.s3.send(new this.sdk.DeleteObjectCommand({ Bucket: this.buckets[store], Key: key }));
  }

  /**
   * Every version of every object under the prefix, delete markers included. The buckets' Object
   * Lock is in governance mode: it stops every other principal, and this one call — the erasure at
   * the end of the retention, granted `s3:BypassGovernanceRetention` on the purge's function only —
   * removes the locked versions (a delete without a version id would only add a marker and leave
   * the bytes for years).
   */
  async removeAll(store: ObjectStoreName, prefix: string): Promise<number> {
    const Bucket = this.buckets[store];
    let removed = 0;
    for (const target of await this.listAll(Bucket, prefix)) {
      await this.s3.send(
        new this.sdk.DeleteObjectCommand({
          Bucket,
          Key: target.key,
          ...(target.versionId ? { VersionId: target.versionId, BypassGovernanceRetention: true } : {}),
        }),
      );
      removed++;
    }
    return removed;
  }

  private async listAll(Bucket: string, Prefix: string): Promise<{ key: string; versionId?: string }[]> {
    const found: { key: string; versionId?: string }[] = [];
    if (this.versioned) {
      let KeyMarker: string | undefined;
      let VersionIdMarker: string | undefined;
      do {
        const page = await this.s3.send(
          new this.sdk.ListObjectVersionsCommand({ Bucket, Prefix, KeyMarker, VersionIdMarker }),
        );
        for (const v of [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])])
          if (v.Key) found.push({ key: v.Key, ...(v.VersionId ? { versionId: v.VersionId } : {}) });
        KeyMarker = page.IsTruncated ? page.NextKeyMarker : undefined;
        VersionIdMarker = page.IsTruncated ? page.NextVersionIdMarker : undefined;
      } while (KeyMarker);
      return found;
    }
    let ContinuationToken: string | undefined;
    do {
      const page = await this.s3.send(new this.sdk.ListObjectsV2Command({ Bucket, Prefix, ContinuationToken }));
      for (const o of page.Contents ?? []) if (o.Key) found.push({ key: o.Key });
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return found;
  }
}
