import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateReleaseDto } from './dto/create-release.dto.js';
import type { CreateToolkitDto } from './dto/create-toolkit.dto.js';
import type { ToolkitQueryDto } from './dto/toolkit-query.dto.js';
import type {
  ToolkitDownloadsViewDto,
  ToolkitFileViewDto,
  ToolkitReleaseViewDto,
  ToolkitViewDto,
} from './dto/toolkit-views.dto.js';
import { checkToolkitContent, FILE_NAME } from './toolkit-content.js';
import { ToolkitStorage } from './toolkit-file-store.js';
import {
  LATEST_RELEASE,
  RELEASE_COLUMNS,
  type ReleaseRow,
  toolkitColumns,
  type ToolkitRow,
  toReleaseView,
  toToolkitView,
} from './toolkit-views.js';

/** A file ready to stream: its metadata and its bytes. */
export interface ToolkitDownload {
  file: { id: string; name: string; contentType: string; sizeBytes: number; sha256: string };
  /** Absent when the caller's If-None-Match already names the file (304, not recorded). */
  body?: Readable;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A file named by id or by name: `$1` the id (or null), `$3` the name. */
const FILE_REF = `(f.id = $1::uuid OR f.name = $3)`;
const fileRef = (ref: string): string | null => (UUID.test(ref) ? ref.toLowerCase() : null);

interface FileRow {
  id: string;
  name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage: string;
  created_at: Date;
}

/**
 * Developer toolkits: toolkits per service, versioned releases, their files (bytes in the
 * ToolkitStorage), downloads recorded per organisation. Programme staff see drafts;
 * suppliers and councils see published releases only (a draft is a 404 to them).
 */
@Injectable()
export class ToolkitsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly storage: ToolkitStorage,
  ) {}

  async list(actor: Actor, q: ToolkitQueryDto): Promise<Page<ToolkitViewDto>> {
    const p = new SqlParams();
    const staff = `${p.add(isProgrammeStaff(actor))}::boolean`;
    const where = q.serviceId ? `WHERE t.service_id = ${p.add(q.serviceId)}` : '';
    const rows: (ToolkitRow & { total: number })[] = await this.db.query(
      `SELECT ${toolkitColumns(staff)}, count(*) OVER ()::int AS total
         FROM toolkits t JOIN services s ON s.id = t.service_id ${LATEST_RELEASE}
        ${where}
        ORDER BY t.name, t.id
        LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
      p.values,
    );
    return toPage(rows.map(toToolkitView), rows[0]?.total ?? 0, q);
  }

  /** A toolkit with the releases the caller may see, newest first, and their files. */
  async get(actor: Actor, id: string, m: EntityManager = this.db.manager) {
    const staff = isProgrammeStaff(actor);
    const [row]: ToolkitRow[] = await m.query(
      `SELECT ${toolkitColumns('$2::boolean')}
         FROM toolkits t JOIN services s ON s.id = t.service_id ${LATEST_RELEASE}
        WHERE t.id = $1`,
      [id, staff],
    );
    if (!row) throw ProblemException.notFound('Toolkit', id);
    const releases: ReleaseRow[] = await m.query(
      `SELECT ${RELEASE_COLUMNS} FROM toolkit_releases r
        WHERE r.toolkit_id = $1 AND ($2::boolean OR r.status = 'published')
        ORDER BY r.created_at DESC, r.id`,
      [id, staff],
    );
    return { ...toToolkitView(row), releases: releases.map(toReleaseView) };
  }

  async getRelease(
    actor: Actor,
    toolkitId: string,
    releaseId: string,
    m: EntityManager = this.db.manager,
  ): Promise<ToolkitReleaseViewDto> {
    const [row]: ReleaseRow[] = await m.query(
      `SELECT ${RELEASE_COLUMNS} FROM toolkit_releases r
        WHERE r.id = $1 AND r.toolkit_id = $2 AND ($3::boolean OR r.status = 'published')`,
      [releaseId, toolkitId, isProgrammeStaff(actor)],
    );
    if (!row) throw ProblemException.notFound('Toolkit release', releaseId);
    return toReleaseView(row);
  }

  async create(actor: Actor, dto: CreateToolkitDto): Promise<ToolkitViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const [service] = await m.query<unknown[]>(`SELECT 1 FROM services WHERE id = $1`, [
        dto.serviceId,
      ]);
      if (!service) {
        throw ProblemException.unprocessable('unknown_reference', 'Unknown references', {
          errors: [{ field: 'serviceId', message: 'no such service' }],
        });
      }
      const [created]: { id: string }[] = await m.query(
        `INSERT INTO toolkits (code, name, summary, service_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (code) DO NOTHING RETURNING id`,
        [dto.code, dto.name, dto.summary ?? '', dto.serviceId],
      );
      if (!created) {
        throw ProblemException.conflict('duplicate_code', `A toolkit ${dto.code} exists already`);
      }
      const { releases: _releases, ...view } = await this.get(actor, created.id, m);
      await this.audit.record(m, actor, {
        action: 'toolkit.created',
        entityType: 'toolkit',
        entityId: created.id,
        after: view,
      });
      return view;
    });
  }

  /** A new draft release (409 when the toolkit has that version already). */
  async createRelease(
    actor: Actor,
    toolkitId: string,
    dto: CreateReleaseDto,
  ): Promise<ToolkitReleaseViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const standardIds = dto.standardIds ?? [];
      const setIds = dto.requirementSetIds ?? [];
      const [r]: { toolkit: boolean; standards: number; sets: number; taken: boolean }[] =
        await m.query(
          `SELECT EXISTS (SELECT 1 FROM toolkits WHERE id = $1) AS toolkit,
                  (SELECT count(*)::int FROM standards WHERE id = ANY($2::uuid[])) AS standards,
                  (SELECT count(*)::int FROM requirement_sets WHERE id = ANY($3::uuid[])) AS sets,
                  EXISTS (SELECT 1 FROM toolkit_releases
                           WHERE toolkit_id = $1 AND version = $4) AS taken`,
          [toolkitId, standardIds, setIds, dto.version],
        );
      if (!r.toolkit) throw ProblemException.notFound('Toolkit', toolkitId);
      const errors: FieldError[] = [];
      if (r.standards !== standardIds.length)
        errors.push({ field: 'standardIds', message: 'names a standard that does not exist' });
      if (r.sets !== setIds.length)
        errors.push({ field: 'requirementSetIds', message: 'names a set that does not exist' });
      if (errors.length > 0) {
        throw ProblemException.unprocessable('unknown_reference', 'Unknown references', {
          errors,
        });
      }
      if (r.taken) {
        throw ProblemException.conflict(
          'duplicate_version',
          `The toolkit has a release ${dto.version} already`,
        );
      }
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO toolkit_releases (toolkit_id, version, notes, standard_ids,
                                       requirement_set_ids)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [toolkitId, dto.version, dto.notes ?? '', standardIds, setIds],
      );
      const view = await this.getRelease(actor, toolkitId, id, m);
      await this.audit.record(m, actor, {
        action: 'toolkit_release.created',
        entityType: 'toolkit_release',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  /** The release, locked; 404 if absent, 409 unless it is a draft. */
  private async lockDraft(m: EntityManager, toolkitId: string, releaseId: string) {
    const [release]: { status: string; version: string }[] = await m.query(
      `SELECT status, version FROM toolkit_releases
        WHERE id = $1 AND toolkit_id = $2 FOR UPDATE`,
      [releaseId, toolkitId],
    );
    if (!release) throw ProblemException.notFound('Toolkit release', releaseId);
    if (release.status !== 'draft') {
      throw ProblemException.conflict(
        'release_published',
        `Release ${release.version} is published: its files cannot change (add a new release)`,
      );
    }
    return release;
  }

  /**
   * Adds (created: true) or replaces a file of a draft release by name. The bytes are
   * checked (type allow-list, sniffing) before anything is written; the metadata and, for
   * the PostgreSQL store, the bytes commit together.
   */
  async upload(
    actor: Actor,
    toolkitId: string,
    releaseId: string,
    name: string,
    contentType: string | undefined,
    body: unknown,
  ): Promise<{ created: boolean; file: ToolkitFileViewDto }> {
    if (!FILE_NAME.test(name)) {
      throw ProblemException.invalidFields([
        {
          field: 'name',
          message: 'letters, digits, dot, dash or underscore; 1–120; not starting with a dot',
        },
      ]);
    }
    const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0);
    const mediaType = checkToolkitContent(contentType, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const store = this.storage.current;
    let newKey: string | null = null;
    try {
      const result = await this.uow.run(async (tx) => {
        const m = tx.manager;
        await this.lockDraft(m, toolkitId, releaseId);
        // UPDATE/DELETE … RETURNING answer [rows, count].
        const [[old]]: { id: string; storage: string; sha256: string }[][] = await m.query(
          `DELETE FROM toolkit_files WHERE release_id = $1 AND name = $2
           RETURNING id, storage, sha256`,
          [releaseId, name],
        );
        const [row]: FileRow[] = await m.query(
          `INSERT INTO toolkit_files (release_id, name, content_type, size_bytes, sha256, storage)
           VALUES ($1, $2, $3, $4, $5, $6)
           RETURNING id, name, content_type, size_bytes, sha256, storage, created_at`,
          [releaseId, name, mediaType, bytes.length, sha256, store.kind],
        );
        newKey = row.id;
        await store.put(m, row.id, bytes);
        const file = toFileView(row);
        await this.audit.record(m, actor, {
          action: old ? 'toolkit_file.replaced' : 'toolkit_file.uploaded',
          entityType: 'toolkit_file',
          entityId: row.id,
          before: old ? { id: old.id, sha256: old.sha256 } : null,
          after: { ...file, releaseId },
        });
        return { created: !old, file, old };
      });
      if (result.old) await this.storage.of(result.old.storage).delete([result.old.id]);
      return { created: result.created, file: result.file };
    } catch (err) {
      if (newKey && store.kind !== 'postgres') await store.delete([newKey]).catch(() => undefined);
      throw err;
    }
  }

  async deleteFile(
    actor: Actor,
    toolkitId: string,
    releaseId: string,
    file: string,
  ): Promise<void> {
    const removed = await this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.lockDraft(m, toolkitId, releaseId);
      const [[row]]: FileRow[][] = await m.query(
        `DELETE FROM toolkit_files f WHERE f.release_id = $2 AND ${FILE_REF}
         RETURNING id, name, content_type, size_bytes, sha256, storage, created_at`,
        [fileRef(file), releaseId, file],
      );
      if (!row) throw ProblemException.notFound('Toolkit file', file);
      await this.audit.record(m, actor, {
        action: 'toolkit_file.deleted',
        entityType: 'toolkit_file',
        entityId: row.id,
        before: { ...toFileView(row), releaseId },
      });
      return row;
    });
    await this.storage.of(removed.storage).delete([removed.id]);
  }

  /**
   * Publishes a draft (409 if published already or it has no files) and announces it:
   * `toolkit.release_published` goes through the outbox with the change, and its notice
   * reaches subscribed supplier contacts once.
   */
  async publish(actor: Actor, toolkitId: string, releaseId: string) {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.lockDraft(m, toolkitId, releaseId);
      const [[r]]: {
        code: string;
        name: string;
        version: string;
        service_id: string;
        files: number;
      }[][] = await m.query(
        `UPDATE toolkit_releases r SET status = 'published', published_at = now()
           FROM toolkits t
          WHERE r.id = $1 AND t.id = r.toolkit_id
            AND EXISTS (SELECT 1 FROM toolkit_files f WHERE f.release_id = r.id)
         RETURNING t.code, t.name, r.version, t.service_id,
                   (SELECT count(*)::int FROM toolkit_files f WHERE f.release_id = r.id) AS files`,
        [releaseId],
      );
      if (!r) {
        throw ProblemException.conflict('release_empty', 'A release needs a file to be published');
      }
      tx.publish('toolkit.release_published', {
        toolkitId,
        releaseId,
        code: r.code,
        name: r.name,
        version: r.version,
        serviceId: r.service_id,
        files: r.files,
      });
      const view = await this.getRelease(actor, toolkitId, releaseId, m);
      await this.audit.record(m, actor, {
        action: 'toolkit_release.published',
        entityType: 'toolkit_release',
        entityId: releaseId,
        before: { status: 'draft' },
        after: { status: 'published', publishedAt: view.publishedAt },
      });
      return view;
    });
  }

  /**
   * A file to download (404 unless the caller may see its release). Unless the caller's
   * If-None-Match names it already, the download is recorded for the caller's
   * organisation (who, when) in the same statement that reads the file.
   */
  async download(
    actor: Actor,
    toolkitId: string,
    releaseId: string,
    ref: string,
    ifNoneMatch: (etag: string) => boolean,
  ): Promise<ToolkitDownload> {
    const [row]: FileRow[] = await this.db.query(
      `SELECT f.id, f.name, f.content_type, f.size_bytes, f.sha256, f.storage, f.created_at
         FROM toolkit_files f JOIN toolkit_releases r ON r.id = f.release_id
        WHERE ${FILE_REF} AND r.id = $2 AND r.toolkit_id = $4
          AND ($5::boolean OR r.status = 'published')`,
      [fileRef(ref), releaseId, ref, toolkitId, isProgrammeStaff(actor)],
    );
    if (!row) throw ProblemException.notFound('Toolkit file', ref);
    const file = {
      id: row.id,
      name: row.name,
      contentType: row.content_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256,
    };
    if (ifNoneMatch(`"${row.sha256}"`)) return { file };
    const body = await this.storage.of(row.storage).get(row.id);
    if (!body) throw ProblemException.notFound('Toolkit file content', ref);
    if (actor.organisationId) {
      await this.db.query(
        `INSERT INTO toolkit_downloads (file_id, release_id, organisation_id, user_id, token_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [row.id, releaseId, actor.organisationId, actor.userId, actor.tokenId],
      );
    }
    return { file, body };
  }

  /** Downloads per release per organisation (one aggregate), newest release first. */
  async downloads(toolkitId: string): Promise<ToolkitDownloadsViewDto> {
    const rows: {
      exists: boolean;
      release_id: string | null;
      release_version: string | null;
      organisation_id: string | null;
      organisation_name: string | null;
      organisation_type: string | null;
      downloads: number | null;
      files: number | null;
      last: Date | null;
    }[] = await this.db.query(
      `SELECT true AS exists, r.id AS release_id, r.version AS release_version,
              o.id AS organisation_id, o.name AS organisation_name, o.type AS organisation_type,
              count(d.id)::int AS downloads, count(DISTINCT d.file_id)::int AS files,
              max(d.downloaded_at) AS last
         FROM toolkits t
         LEFT JOIN toolkit_releases r ON r.toolkit_id = t.id
         LEFT JOIN toolkit_downloads d ON d.release_id = r.id
         LEFT JOIN organisations o ON o.id = d.organisation_id
        WHERE t.id = $1
        GROUP BY r.id, o.id
        ORDER BY max(r.created_at) DESC NULLS LAST, r.id, count(d.id) DESC, o.name`,
      [toolkitId],
    );
    if (rows.length === 0) throw ProblemException.notFound('Toolkit', toolkitId);
    const counted = rows.filter((r) => r.organisation_id !== null);
    return {
      toolkitId,
      total: counted.reduce((n, r) => n + (r.downloads ?? 0), 0),
      rows: counted.map((r) => ({
        releaseId: r.release_id!,
        releaseVersion: r.release_version!,
        organisationId: r.organisation_id!,
        organisationName: r.organisation_name!,
        organisationType: r.organisation_type!,
        downloads: r.downloads!,
        files: r.files!,
        lastDownloadedAt: new Date(r.last!).toISOString(),
      })),
    };
  }
}

const toFileView = (r: FileRow): ToolkitFileViewDto => ({
  id: r.id,
  name: r.name,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  sha256: r.sha256,
  createdAt: new Date(r.created_at).toISOString(),
});
