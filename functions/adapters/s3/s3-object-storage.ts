import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectStorage, ObjectStoreName } from '../../domain/ports';
import type { StoredObject } from '../../domain/upload';

/**
 * Evidence storage on S3. Uploads are presigned PUTs that sign the content type, the exact
 * length and the SHA-256 (as an unhoistable header, so S3 enforces it); the object is then
 * inspected by the object-created handler, since S3 only enforces what was signed.
 */
export class S3ObjectStorage implements ObjectStorage {
  constructor(
    private readonly s3: S3Client,
    private readonly buckets: Record<ObjectStoreName, string>,
  ) {}

  /** SDK ≥ 3.729 would add a CRC32 of an empty body to presigned PUTs without WHEN_REQUIRED. */
  static client(config: ConstructorParameters<typeof S3Client>[0] = {}) {
    return new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      ...config,
    });
  }

  async presignPut(
    store: ObjectStoreName,
    key: string,
    file: { contentType: string; size: number; sha256: string },
    expiresIn: number,
  ) {
    const command = new PutObjectCommand({
      Bucket: this.buckets[store],
      Key: key,
      ContentType: file.contentType,
      ContentLength: file.size,
      ChecksumSHA256: file.sha256,
    });
    const url = await getSignedUrl(this.s3, command, {
      expiresIn,
      signableHeaders: new Set(['content-type', 'content-length']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256']),
    });
    return { url, headers: { 'content-type': file.contentType, 'x-amz-checksum-sha256': file.sha256 } };
  }

  async inspect(store: ObjectStoreName, key: string): Promise<StoredObject | null> {
    const Bucket = this.buckets[store];
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket, Key: key, ChecksumMode: 'ENABLED' }));
      const size = head.ContentLength ?? -1;
      if (head.ChecksumSHA256 && !head.ChecksumSHA256.includes('-')) {
        return { size, sha256: head.ChecksumSHA256, ...(head.ContentType ? { contentType: head.ContentType } : {}) };
      }
      // a store that kept no checksum (s3rver, or a multipart object): hash the bytes ourselves
      const object = await this.s3.send(new GetObjectCommand({ Bucket, Key: key }));
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
      if (error instanceof NotFound || error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async put(store: ObjectStoreName, key: string, body: Buffer, contentType: string): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.buckets[store],
        Key: key,
        Body: body,
        ContentType: contentType,
        ChecksumSHA256: createHash('sha256').update(body).digest('base64'),
      }),
    );
  }

  async presignGet(store: ObjectStoreName, key: string, fileName: string, expiresIn: number): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.buckets[store],
      Key: key,
      ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
    return getSignedUrl(this.s3, command, { expiresIn });
  }

  async remove(store: ObjectStoreName, key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.buckets[store], Key: key }));
  }
}
