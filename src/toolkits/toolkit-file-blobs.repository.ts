import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** The bytes of toolkit files kept in PostgreSQL: bytea rows in `toolkit_file_blobs`. */
@Injectable()
export class ToolkitFileBlobsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async putBlob(m: EntityManager, fileId: string, bytes: Buffer): Promise<void> {
    await m.query(
      `INSERT INTO toolkit_file_blobs (file_id, bytes) VALUES ($1, $2)
       ON CONFLICT (file_id) DO UPDATE SET bytes = EXCLUDED.bytes`,
      [fileId, bytes],
    );
  }

  async blob(fileId: string): Promise<Buffer | null> {
    const [row]: { bytes: Buffer }[] = await this.db.query(
      `SELECT bytes FROM toolkit_file_blobs WHERE file_id = $1`,
      [fileId],
    );
    return row ? row.bytes : null;
  }

  async removeBlobs(fileIds: string[]): Promise<void> {
    await this.db.query(`DELETE FROM toolkit_file_blobs WHERE file_id = ANY($1::uuid[])`, [
      fileIds,
    ]);
  }
}
