import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { Service } from '../catalogue/service.entity.js';
import { RequirementSet } from './requirement-set.entity.js';
import { type RequirementSetView, SET_VIEW_SQL } from './requirement-views.js';

/** A set created by `insertDraft` or `insertNextVersion`. */
export interface CreatedSetRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A set's identity, version, status and service. */
export interface SetRefRow {
  id: string;
  version: number;
  status: RequirementSetView['status'];
  service_id: string;
}

/** Requirement sets of services and their versions. */
@Injectable()
export class RequirementSetsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(
    serviceId: string,
    status: string | null,
    limit: number,
    offset: number,
  ): Promise<[RequirementSetView[], number]> {
    const filter = `WHERE rs.service_id = $1 AND ($2::text IS NULL OR rs.status = $2)`;
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<RequirementSetView[]>(
        `${SET_VIEW_SQL} ${filter} ORDER BY rs.version DESC LIMIT $3 OFFSET $4`,
        [serviceId, status, limit, offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM requirement_sets rs ${filter}`,
        [serviceId, status],
      ),
    ]);
    return [rows, total];
  }

  async view(id: string, m: EntityManager = this.db.manager): Promise<RequirementSetView | null> {
    const [row] = await m.query<RequirementSetView[]>(`${SET_VIEW_SQL} WHERE rs.id = $1`, [id]);
    return row ?? null;
  }

  async ref(id: string): Promise<SetRefRow | null> {
    const [row] = await this.db.query<SetRefRow[]>(
      `SELECT id, version, status, service_id FROM requirement_sets WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** A new draft, version = last + 1; none when the service already has a draft. */
  async insertDraft(
    m: EntityManager,
    serviceId: string,
    title: string,
    summary: string,
  ): Promise<CreatedSetRow | undefined> {
    const [set] = await m.query<CreatedSetRow[]>(
      `INSERT INTO requirement_sets (service_id, version, status, title, summary)
       SELECT $1, coalesce(max(version), 0) + 1, 'draft', $2, $3
         FROM requirement_sets WHERE service_id = $1
       HAVING count(*) FILTER (WHERE status = 'draft') = 0
       RETURNING id, version, created_at AS "createdAt", updated_at AS "updatedAt"`,
      [serviceId, title, summary],
    );
    return set;
  }

  /** The next version of a set's service as a draft based on it. */
  async insertNextVersion(
    m: EntityManager,
    sourceId: string,
  ): Promise<{ id: string; version: number }> {
    const [created] = await m.query<{ id: string; version: number }[]>(
      `INSERT INTO requirement_sets (service_id, version, status, title, summary, based_on_id)
       SELECT src.service_id,
              (SELECT max(version) + 1 FROM requirement_sets WHERE service_id = src.service_id),
              'draft', src.title, src.summary, src.id
         FROM requirement_sets src WHERE src.id = $1
       RETURNING id, version`,
      [sourceId],
    );
    return created;
  }

  async draftOf(
    m: EntityManager,
    serviceId: string,
  ): Promise<{ id: string; version: number } | undefined> {
    const [draft] = await m.query<{ id: string; version: number }[]>(
      `SELECT id, version FROM requirement_sets WHERE service_id = $1 AND status = 'draft'`,
      [serviceId],
    );
    return draft;
  }

  lockForChange(m: EntityManager, id: string): Promise<RequirementSet | null> {
    return m.findOne(RequirementSet, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockPublished(m: EntityManager, serviceId: string): Promise<RequirementSet | null> {
    return m.findOne(RequirementSet, {
      where: { serviceId, status: 'published' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  find(m: EntityManager, id: string): Promise<RequirementSet | null> {
    return m.findOneBy(RequirementSet, { id });
  }

  async update(
    m: EntityManager,
    id: string,
    patch: QueryDeepPartialEntity<RequirementSet>,
  ): Promise<void> {
    await m.update(RequirementSet, { id }, patch);
  }

  async delete(m: EntityManager, id: string): Promise<void> {
    await m.delete(RequirementSet, { id });
  }

  findService(id: string): Promise<Service | null> {
    return this.db.getRepository(Service).findOneBy({ id });
  }
}
