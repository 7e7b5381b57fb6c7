import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';

export interface FileRow {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage: string;
  created_at: Date;
}

export interface ReplacedFileRow {
  id: string;
  storage: string;
  sha256: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A file named by id or by name: `$1` the id (or null), `$3` the name. */
const FILE_REF = `(f.id = $1::uuid OR f.name = $3)`;
const fileRef = (ref: string): string | null => (UUID.test(ref) ? ref.toLowerCase() : null);

/** Toolkit files' metadata (`toolkit_files`) and their recorded downloads. */
@Injectable()
export class ToolkitFilesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Removes the release's file of that name; the removed row, if any. */
  async removeByName(
    m: EntityManager,
    releaseId: string,
    name: string,
  ): Promise<ReplacedFileRow | undefined> {
    // UPDATE/DELETE … RETURNING answer [rows, count].
    const [[old]]: ReplacedFileRow[][] = await m.query(
      `DELETE FROM toolkit_files WHERE release_id = $1 AND name = $2
       RETURNING id, storage, sha256`,
      [releaseId, name],
    );
    return old;
  }

  async addFile(
    m: EntityManager,
    releaseId: string,
    file: { name: string; contentType: string; sizeBytes: number; sha256: string; storage: string },
  ): Promise<FileRow> {
    const [row]: FileRow[] = await m.query(
      `INSERT INTO toolkit_files (release_id, name, content_type, size_bytes, sha256, storage)
       VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, content_type, size_bytes, sha256, storage, created_at`,
      [releaseId, file.name, file.contentType, file.sizeBytes, file.sha256, file.storage],
    );
    return row;
  }

  /** Removes the release's file named by id or name; the removed row, if any. */
  async removeByRef(
    m: EntityManager,
    releaseId: string,
    ref: string,
  ): Promise<FileRow | undefined> {
    const [[row]]: FileRow[][] = await m.query(
      `DELETE FROM toolkit_files f WHERE f.release_id = $2 AND ${FILE_REF}
       RETURNING id, name, content_type, size_bytes, sha256, storage, created_at`,
      [fileRef(ref), releaseId, ref],
    );
    return row;
  }

  /** A file of the toolkit's release named by id or name, if the caller may see it. */
  async downloadable(
    toolkitId: string,
    releaseId: string,
    ref: string,
    staff: boolean,
  ): Promise<FileRow | undefined> {
    const [row]: FileRow[] = await this.db.query(
      `SELECT f.id, f.name, f.content_type, f.size_bytes, f.sha256, f.storage, f.created_at
         FROM toolkit_files f JOIN toolkit_releases r ON r.id = f.release_id
        WHERE ${FILE_REF} AND r.id = $2 AND r.toolkit_id = $4
          AND ($5::boolean OR r.status = 'published')`,
      [fileRef(ref), releaseId, ref, toolkitId, staff],
    );
    return row;
  }

  async recordDownload(
    fileId: string,
    releaseId: string,
    actor: Pick<Actor, 'organisationId' | 'userId' | 'tokenId'>,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO toolkit_downloads (file_id, release_id, organisation_id, user_id, token_id)
       VALUES ($1, $2, $3, $4, $5)`,
      [fileId, releaseId, actor.organisationId, actor.userId, actor.tokenId],
    );
  }
}
