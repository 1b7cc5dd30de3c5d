import { createHash } from 'node:crypto';
import type { ObjectStorage, ObjectStoreName, StoredPart } from '../../domain/ports';
import type { StoredObject } from '../../domain/upload';

export class InMemoryStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject & { body?: Buffer }>();
  async presignPut(store: ObjectStoreName, key: string) {
    return { url: `memory://${store}/${key}`, headers: {} };
  }
  /** multipart uploads under way: their key, type and the parts landed (with their bytes) */
  readonly multiparts = new Map<
    string,
    { at: string; contentType: string; parts: Map<number, StoredPart & { body: Buffer }> }
  >();
  private nextMultipart = 0;
  async startMultipart(store: ObjectStoreName, key: string, file: { contentType: string }) {
    const id = `mpu-${++this.nextMultipart}`;
    this.multiparts.set(id, { at: `${store}/${key}`, contentType: file.contentType, parts: new Map() });
    return id;
  }
  async presignPart(store: ObjectStoreName, key: string, storageId: string, part: { partNumber: number }) {
    return { url: `memory://${store}/${key}?uploadId=${storageId}&partNumber=${part.partNumber}`, headers: {} };
  }
  async listParts(store: ObjectStoreName, key: string, storageId: string) {
    const upload = this.multiparts.get(storageId);
    if (!upload || upload.at !== `${store}/${key}`) return null;
    return [...upload.parts.values()]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map(({ body: _body, ...part }) => part);
  }
  async completeMultipart(store: ObjectStoreName, key: string, storageId: string, parts: StoredPart[]) {
    const upload = this.multiparts.get(storageId);
    if (!upload || upload.at !== `${store}/${key}`) throw new Error('NoSuchUpload');
    if (this.objects.has(upload.at)) throw new Error('PreconditionFailed');
    const bodies = parts.map((p) => {
      const held = upload.parts.get(p.partNumber);
      if (!held || held.etag !== p.etag) throw new Error(`InvalidPart ${p.partNumber}`);
      return held.body;
    });
    const body = Buffer.concat(bodies);
    this.multiparts.delete(storageId);
    this.objects.set(upload.at, {
      size: body.length,
      // S3 keeps a checksum of checksums for a multipart object: the adapter hashes the bytes itself
      sha256: createHash('sha256').update(body).digest('base64'),
      contentType: upload.contentType,
      body,
    });
  }
  /** what a browser's PUT of one part would leave in storage */
  landPart(storageId: string, partNumber: number, body: Buffer) {
    const upload = this.multiparts.get(storageId);
    if (!upload) throw new Error('NoSuchUpload');
    upload.parts.set(partNumber, {
      partNumber,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      size: body.length,
      sha256: createHash('sha256').update(body).digest('base64'),
      body,
    });
  }
  async inspect(store: ObjectStoreName, key: string) {
    const found = this.objects.get(`${store}/${key}`);
    return found
      ? { size: found.size, sha256: found.sha256, ...(found.contentType ? { contentType: found.contentType } : {}) }
      : null;
  }
  async readHead(store: ObjectStoreName, key: string, bytes: number) {
    return (this.objects.get(`${store}/${key}`)?.body ?? Buffer.alloc(0)).subarray(0, bytes);
  }
  async exists(store: ObjectStoreName, key: string) {
    return this.objects.has(`${store}/${key}`);
  }
  async remove(store: ObjectStoreName, key: string) {
    this.objects.delete(`${store}/${key}`);
  }
  async removeAll(store: ObjectStoreName, prefix: string) {
    let removed = 0;
    for (const key of [...this.objects.keys()])
      if (key.startsWith(`${store}/${prefix}`)) {
        this.objects.delete(key);
        removed++;
      }
    return removed;
  }
  async put(store: ObjectStoreName, key: string, body: Buffer, contentType: string) {
    // as S3 keeps the checksum the adapter writes with (ChecksumSHA256)
    const sha256 = createHash('sha256').update(body).digest('base64');
    this.objects.set(`${store}/${key}`, { size: body.length, sha256, contentType, body });
  }
  async presignGet(store: ObjectStoreName, key: string) {
    return `memory://${store}/${key}?get`;
  }
  /** what a browser's PUT would leave in storage (with its bytes, whose first ones are checked) */
  land(store: ObjectStoreName, key: string, object: StoredObject & { body?: Buffer }) {
    this.objects.set(`${store}/${key}`, object);
  }
  /** the scanner's tags, as GuardDuty writes them on the object */
  readonly scanTags = new Map<string, string>();
  async scanTag(store: ObjectStoreName, key: string) {
    return this.scanTags.get(`${store}/${key}`) ?? null;
  }
}
