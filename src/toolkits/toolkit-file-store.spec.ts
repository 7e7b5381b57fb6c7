import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { FilesystemToolkitFileStore } from './toolkit-file-store.js';

const read = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};

describe('filesystem toolkit store', () => {
  it('puts, gets and deletes by key, leaving no partial files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toolkits-'));
    try {
      const store = new FilesystemToolkitFileStore(join(dir, 'files'));
      const key = randomUUID();
      await store.put({} as EntityManager, key, Buffer.from('a,b\n'));
      expect((await read((await store.get(key))!)).toString()).toBe('a,b\n');
      expect(await readdir(join(dir, 'files'))).toEqual([key]);
      await store.delete([key, randomUUID()]);
      expect(await store.get(key)).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses keys that are not file ids (no path tricks)', async () => {
    const store = new FilesystemToolkitFileStore(tmpdir());
    await expect(store.get('../etc/passwd')).rejects.toThrow('not a toolkit file key');
  });
});
