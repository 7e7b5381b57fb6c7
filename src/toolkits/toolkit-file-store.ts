import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { ToolkitFileBlobsRepository } from './toolkit-file-blobs.repository.js';

export type ToolkitStoreKind = 'postgres' | 'filesystem';

/**
 * Where the bytes of toolkit files live, behind one interface. Keys are file ids (UUIDs).
 * `put` runs inside the caller's transaction where the store can join it (PostgreSQL);
 * a store that cannot (filesystem) writes at once and the caller removes the bytes again
 * if its transaction fails. An S3-style object store would be a third implementation;
 * it is not built (see docs/architecture.md).
 */
export interface ToolkitFileStore {
  readonly kind: ToolkitStoreKind;
  put(m: EntityManager, key: string, bytes: Buffer): Promise<void>;
  /** The bytes as a stream, or null when the store does not hold the key. */
  get(key: string): Promise<Readable | null>;
  /** Removes the bytes of these keys; keys it does not hold are ignored. */
  delete(keys: string[]): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The default: bytea rows in `toolkit_file_blobs`, written in the upload's transaction. */
export class PostgresToolkitFileStore implements ToolkitFileStore {
  readonly kind = 'postgres';

  constructor(private readonly blobs: ToolkitFileBlobsRepository) {}

  async put(m: EntityManager, key: string, bytes: Buffer): Promise<void> {
    await this.blobs.putBlob(m, key, bytes);
  }

  async get(key: string): Promise<Readable | null> {
    const bytes = await this.blobs.blob(key);
    return bytes ? Readable.from([bytes]) : null;
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.blobs.removeBlobs(keys);
  }
}

/** One file per key in TOOLKIT_STORE_DIR, written to a temporary name and renamed. */
export class FilesystemToolkitFileStore implements ToolkitFileStore {
  readonly kind = 'filesystem';
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  private path(key: string): string {
    if (!UUID.test(key)) throw new Error(`not a toolkit file key: ${key}`);
    return join(this.dir, key);
  }

  async put(_m: EntityManager, key: string, bytes: Buffer): Promise<void> {
    const path = this.path(key);
    await mkdir(this.dir, { recursive: true });
    await writeFile(`${path}.partial`, bytes);
    await rename(`${path}.partial`, path);
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.path(key);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => rm(this.path(k), { force: true })));
  }
}

/**
 * The stores: `current` (TOOLKIT_STORE) takes new uploads; a file is read from the store
 * its row names, so switching TOOLKIT_STORE leaves earlier files readable.
 */
@Injectable()
export class ToolkitStorage {
  private readonly stores: Record<ToolkitStoreKind, ToolkitFileStore>;
  readonly current: ToolkitFileStore;

  constructor(blobs: ToolkitFileBlobsRepository, config: AppConfig) {
    this.stores = {
      postgres: new PostgresToolkitFileStore(blobs),
      filesystem: new FilesystemToolkitFileStore(config.TOOLKIT_STORE_DIR),
    };
    this.current = this.stores[config.TOOLKIT_STORE];
  }

  of(kind: string): ToolkitFileStore {
    return this.stores[kind as ToolkitStoreKind] ?? this.stores.postgres;
  }
}
