import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Files kept outside the event store (evidence attachments, reports), addressed by content. */
export interface StoredObject {
  sha256: string;
  size: number;
  /** Where the bytes are: `sha256/ab/cdef…` on local disk. */
  storageKey: string;
}

export interface ObjectStorage {
  put(bytes: Buffer): Promise<StoredObject>;
  get(storageKey: string): Promise<Buffer>;
}

const KEY = /^sha256\/[0-9a-f]{2}\/[0-9a-f]{62}$/;

/** Local-disk storage: writing the same bytes twice keeps one copy; writes are atomic (rename). */
export class LocalObjectStorage implements ObjectStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<StoredObject> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
    const path = join(this.root, storageKey);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, path);
    }
    return { sha256, size: bytes.length, storageKey };
  }

  async get(storageKey: string): Promise<Buffer> {
    if (!KEY.test(storageKey))
      throw new Error(`Kunci penyimpanan tidak valid / invalid storage key: ${storageKey}`);
    return readFile(join(this.root, storageKey));
  }
}
