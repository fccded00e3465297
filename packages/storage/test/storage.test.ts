import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalObjectStorage } from '../src/index';

describe('LocalObjectStorage', () => {
  it('stores by content hash, once, and reads back the same bytes', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sakip-storage-'));
    const storage = new LocalObjectStorage(root);
    const bytes = Buffer.from('Laporan Koperasi Sehat 2024');
    const a = await storage.put(bytes);
    const b = await storage.put(Buffer.from(bytes));
    expect(a).toEqual(b);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.size).toBe(bytes.length);
    expect(await storage.get(a.storageKey)).toEqual(bytes);
    expect(await readdir(join(root, 'sha256', a.sha256.slice(0, 2)))).toEqual([a.sha256.slice(2)]);
  });

  it('refuses keys that could escape the storage root', async () => {
    const storage = new LocalObjectStorage(await mkdtemp(join(tmpdir(), 'sakip-storage-')));
    await expect(storage.get('../../etc/passwd')).rejects.toThrow(/invalid storage key/);
  });
});
