import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params.js';
import type { CreateReleaseDto } from './dto/create-release.dto.js';
import type { CreateToolkitDto } from './dto/create-toolkit.dto.js';
import {
  LATEST_RELEASE,
  RELEASE_COLUMNS,
  type ReleaseRow,
  toolkitColumns,
  type ToolkitRow,
} from './toolkit-views.js';

/** Whether the toolkit exists, how many of the named standards and sets exist, and whether the version is taken. */
export interface ReleaseChecksRow {
  toolkit: boolean;
  standards: number;
  sets: number;
  taken: boolean;
}

export interface PublishedRow {
  code: string;
  name: string;
  version: string;
  service_id: string;
  files: number;
}

export interface DownloadCountRow {
  exists: boolean;
  release_id: string | null;
  release_version: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_type: string | null;
  downloads: number | null;
  files: number | null;
  last: Date | null;
}

/** Toolkits and their releases; `staff` (programme staff) also sees draft releases. */
@Injectable()
export class ToolkitsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    staff: boolean,
    serviceId: string | undefined,
    limit: number,
    offset: number,
  ): Promise<(ToolkitRow & { total: number })[]> {
    const p = new SqlParams();
    const staffRef = `${p.add(staff)}::boolean`;
    const where = serviceId ? `WHERE t.service_id = ${p.add(serviceId)}` : '';
    return this.db.query(
      `SELECT ${toolkitColumns(staffRef)}, count(*) OVER ()::int AS total
         FROM toolkits t JOIN services s ON s.id = t.service_id ${LATEST_RELEASE}
        ${where}
        ORDER BY t.name, t.id
        LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`,
      p.values,
    );
  }

  async toolkit(
    id: string,
    staff: boolean,
    m: EntityManager = this.db.manager,
  ): Promise<ToolkitRow | undefined> {
    const [row]: ToolkitRow[] = await m.query(
      `SELECT ${toolkitColumns('$2::boolean')}
         FROM toolkits t JOIN services s ON s.id = t.service_id ${LATEST_RELEASE}
        WHERE t.id = $1`,
      [id, staff],
    );
    return row;
  }

  /** The toolkit's releases the caller may see, newest first. */
  async releases(
    toolkitId: string,
    staff: boolean,
    m: EntityManager = this.db.manager,
  ): Promise<ReleaseRow[]> {
    return m.query(
      `SELECT ${RELEASE_COLUMNS} FROM toolkit_releases r
        WHERE r.toolkit_id = $1 AND ($2::boolean OR r.status = 'published')
        ORDER BY r.created_at DESC, r.id`,
      [toolkitId, staff],
    );
  }

  async release(
    toolkitId: string,
    releaseId: string,
    staff: boolean,
    m: EntityManager = this.db.manager,
  ): Promise<ReleaseRow | undefined> {
    const [row]: ReleaseRow[] = await m.query(
      `SELECT ${RELEASE_COLUMNS} FROM toolkit_releases r
        WHERE r.id = $1 AND r.toolkit_id = $2 AND ($3::boolean OR r.status = 'published')`,
      [releaseId, toolkitId, staff],
    );
    return row;
  }

  async serviceExists(m: EntityManager, serviceId: string): Promise<boolean> {
    const [service] = await m.query<unknown[]>(`SELECT 1 FROM services WHERE id = $1`, [serviceId]);
    return service !== undefined;
  }

  /** A toolkit unless the code is taken; its id, or undefined. */
  async addToolkit(m: EntityManager, dto: CreateToolkitDto): Promise<string | undefined> {
    const [created]: { id: string }[] = await m.query(
      `INSERT INTO toolkits (code, name, summary, service_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO NOTHING RETURNING id`,
      [dto.code, dto.name, dto.summary ?? '', dto.serviceId],
    );
    return created?.id;
  }

  async releaseChecks(
    m: EntityManager,
    toolkitId: string,
    standardIds: string[],
    setIds: string[],
    version: string,
  ): Promise<ReleaseChecksRow> {
    const [r]: ReleaseChecksRow[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM toolkits WHERE id = $1) AS toolkit,
              (SELECT count(*)::int FROM standards WHERE id = ANY($2::uuid[])) AS standards,
              (SELECT count(*)::int FROM requirement_sets WHERE id = ANY($3::uuid[])) AS sets,
              EXISTS (SELECT 1 FROM toolkit_releases
                       WHERE toolkit_id = $1 AND version = $4) AS taken`,
      [toolkitId, standardIds, setIds, version],
    );
    return r;
  }

  /** A draft release; its id. */
  async addRelease(
    m: EntityManager,
    toolkitId: string,
    dto: CreateReleaseDto,
    standardIds: string[],
    setIds: string[],
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await m.query(
      `INSERT INTO toolkit_releases (toolkit_id, version, notes, standard_ids,
                                     requirement_set_ids)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [toolkitId, dto.version, dto.notes ?? '', standardIds, setIds],
    );
    return id;
  }

  /** The release's status and version, locked for the change. */
  async lockRelease(
    m: EntityManager,
    toolkitId: string,
    releaseId: string,
  ): Promise<{ status: string; version: string } | undefined> {
    const [release]: { status: string; version: string }[] = await m.query(
      `SELECT status, version FROM toolkit_releases
        WHERE id = $1 AND toolkit_id = $2 FOR UPDATE`,
      [releaseId, toolkitId],
    );
    return release;
  }

  /** Publishes the release if it has a file; what the announcement names, or undefined. */
  async publishRelease(m: EntityManager, releaseId: string): Promise<PublishedRow | undefined> {
    // UPDATE … RETURNING answers [rows, count].
    const [[r]]: PublishedRow[][] = await m.query(
      `UPDATE toolkit_releases r SET status = 'published', published_at = now()
         FROM toolkits t
        WHERE r.id = $1 AND t.id = r.toolkit_id
          AND EXISTS (SELECT 1 FROM toolkit_files f WHERE f.release_id = r.id)
       RETURNING t.code, t.name, r.version, t.service_id,
                 (SELECT count(*)::int FROM toolkit_files f WHERE f.release_id = r.id) AS files`,
      [releaseId],
    );
    return r;
  }

  /** Downloads per release per organisation (one aggregate), newest release first. */
  async downloadCounts(toolkitId: string): Promise<DownloadCountRow[]> {
    return this.db.query(
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
  }
}
