import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type Actor, isProgrammeStaff } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
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
import { type FileRow, ToolkitFilesRepository } from './toolkit-files.repository.js';
import { toReleaseView, toToolkitView } from './toolkit-views.js';
import { ToolkitsRepository } from './toolkits.repository.js';

/** A file ready to stream: its metadata and its bytes. */
export interface ToolkitDownload {
  file: { id: string; name: string; contentType: string; sizeBytes: number; sha256: string };
  /** Absent when the caller's If-None-Match already names the file (304, not recorded). */
  body?: Readable;
}

/**
 * Developer toolkits: toolkits per service, versioned releases, their files (bytes in the
 * ToolkitStorage), downloads recorded per organisation. Programme staff see drafts;
 * suppliers and councils see published releases only (a draft is a 404 to them).
 */
@Injectable()
export class ToolkitsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly storage: ToolkitStorage,
    private readonly toolkits: ToolkitsRepository,
    private readonly files: ToolkitFilesRepository,
  ) {}

  async list(actor: Actor, q: ToolkitQueryDto): Promise<Page<ToolkitViewDto>> {
    const rows = await this.toolkits.page(isProgrammeStaff(actor), q.serviceId, q.limit, q.offset);
    return toPage(rows.map(toToolkitView), rows[0]?.total ?? 0, q);
  }

  /** A toolkit with the releases the caller may see, newest first, and their files. */
  async get(actor: Actor, id: string, m?: EntityManager) {
    const staff = isProgrammeStaff(actor);
    const row = await this.toolkits.toolkit(id, staff, m);
    if (!row) throw ProblemException.notFound('Toolkit', id);
    const releases = await this.toolkits.releases(id, staff, m);
    return { ...toToolkitView(row), releases: releases.map(toReleaseView) };
  }

  async getRelease(
    actor: Actor,
    toolkitId: string,
    releaseId: string,
    m?: EntityManager,
  ): Promise<ToolkitReleaseViewDto> {
    const row = await this.toolkits.release(toolkitId, releaseId, isProgrammeStaff(actor), m);
    if (!row) throw ProblemException.notFound('Toolkit release', releaseId);
    return toReleaseView(row);
  }

  async create(actor: Actor, dto: CreateToolkitDto): Promise<ToolkitViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      if (!(await this.toolkits.serviceExists(m, dto.serviceId))) {
        throw ProblemException.unprocessable('unknown_reference', 'Unknown references', {
          errors: [{ field: 'serviceId', message: 'no such service' }],
        });
      }
      const created = await this.toolkits.addToolkit(m, dto);
      if (!created) {
        throw ProblemException.conflict('duplicate_code', `A toolkit ${dto.code} exists already`);
      }
      const { releases: _releases, ...view } = await this.get(actor, created, m);
      await this.audit.record(m, actor, {
        action: 'toolkit.created',
        entityType: 'toolkit',
        entityId: created,
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
      const r = await this.toolkits.releaseChecks(m, toolkitId, standardIds, setIds, dto.version);
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
      const id = await this.toolkits.addRelease(m, toolkitId, dto, standardIds, setIds);
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
    const release = await this.toolkits.lockRelease(m, toolkitId, releaseId);
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
        const old = await this.files.removeByName(m, releaseId, name);
        const row = await this.files.addFile(m, releaseId, {
          name,
          contentType: mediaType,
          sizeBytes: bytes.length,
          sha256,
          storage: store.kind,
        });
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
      const row = await this.files.removeByRef(m, releaseId, file);
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
      const r = await this.toolkits.publishRelease(m, releaseId);
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
    const row = await this.files.downloadable(toolkitId, releaseId, ref, isProgrammeStaff(actor));
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
      await this.files.recordDownload(row.id, releaseId, actor);
    }
    return { file, body };
  }

  /** Downloads per release per organisation (one aggregate), newest release first. */
  async downloads(toolkitId: string): Promise<ToolkitDownloadsViewDto> {
    const rows = await this.toolkits.downloadCounts(toolkitId);
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
