import { createHash } from 'node:crypto';
import type { ObjectStorage, ObjectStoreName } from '../../domain/ports';
import type { StoredObject } from '../../domain/upload';

export class InMemoryStorage implements ObjectStorage {
  readonly objects = new Map<string, StoredObject & { body?: Buffer }>();
  async presignPut(store: ObjectStoreName, key: string) {
    return { url: `memory://${store}/${key}`, headers: {} };
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
