import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DEMO_TOOLKITS } from './demo-toolkits.js';

/**
 * Demo toolkits (payments, cashless catering), two published releases each with their
 * files in the PostgreSQL store. Insert-if-absent by toolkit code, release version and
 * file name; three statements.
 */
@Injectable()
export class ToolkitsSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const toolkits: unknown[] = await m.query(
      `INSERT INTO toolkits (code, name, summary, service_id)
       SELECT t.code, t.name, t.summary, s.id
         FROM jsonb_to_recordset($1::jsonb) AS t(code text, name text, summary text, service text)
         JOIN services s ON s.code = t.service
       ON CONFLICT (code) DO NOTHING
       RETURNING id`,
      [JSON.stringify(DEMO_TOOLKITS)],
    );
    const releases = DEMO_TOOLKITS.flatMap((t) =>
      t.releases.map((r) => ({ toolkit: t.code, ...r, files: undefined })),
    );
    const inserted: unknown[] = await m.query(
      `INSERT INTO toolkit_releases (toolkit_id, version, notes, status, standard_ids,
                                     requirement_set_ids, published_at, created_at)
       SELECT tk.id, r.version, r.notes, 'published',
              ARRAY(SELECT st.id FROM standards st
                     WHERE st.code || '@' || st.version = ANY(r.standards) ORDER BY st.code),
              ARRAY(SELECT rs.id FROM requirement_sets rs
                     WHERE rs.service_id = tk.service_id AND rs.status = 'published'),
              now() - make_interval(days => r."daysAgo"),
              now() - make_interval(days => r."daysAgo" + 2)
         FROM jsonb_to_recordset($1::jsonb) AS r(toolkit text, version text, notes text,
              "daysAgo" int, standards text[])
         JOIN toolkits tk ON tk.code = r.toolkit
       ON CONFLICT (toolkit_id, version) DO NOTHING
       RETURNING id`,
      [JSON.stringify(releases)],
    );
    const files = DEMO_TOOLKITS.flatMap((t) =>
      t.releases.flatMap((r) =>
        r.files.map((f) => ({ toolkit: t.code, version: r.version, ...f })),
      ),
    );
    const stored: unknown[] = await m.query(
      `WITH src AS (
         SELECT rel.id AS release_id, f.name, f."contentType", convert_to(f.content, 'UTF8') AS bytes
           FROM jsonb_to_recordset($1::jsonb) AS f(toolkit text, version text, name text,
                "contentType" text, content text)
           JOIN toolkits tk ON tk.code = f.toolkit
           JOIN toolkit_releases rel ON rel.toolkit_id = tk.id AND rel.version = f.version),
       ins AS (
         INSERT INTO toolkit_files (release_id, name, content_type, size_bytes, sha256, storage)
         SELECT release_id, name, "contentType", length(bytes), encode(sha256(bytes), 'hex'),
                'postgres'
           FROM src
         ON CONFLICT (release_id, name) DO NOTHING
         RETURNING id, release_id, name)
       INSERT INTO toolkit_file_blobs (file_id, bytes)
       SELECT ins.id, src.bytes FROM ins
         JOIN src ON src.release_id = ins.release_id AND src.name = ins.name
       RETURNING file_id`,
      [JSON.stringify(files)],
    );
    return {
      toolkits: toolkits.length,
      toolkitReleases: inserted.length,
      toolkitFiles: stored.length,
    };
  }
}
