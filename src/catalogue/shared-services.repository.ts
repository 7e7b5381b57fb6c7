import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import type { CouncilView } from '../organisations/organisation-views.js';
import type { SharedServiceView } from './catalogue-views.js';
import type { SharedServiceQueryDto } from './dto/shared-service-query.dto.js';
import { SharedService } from './shared-service.entity.js';

const VIEW_SQL = `
  SELECT ss.id, ss.name, ss.description, ss.version,
         ss.created_at AS "createdAt", ss.updated_at AS "updatedAt",
         json_build_object('id', s.id, 'code', s.code, 'name', s.name) AS service,
         json_build_object('id', o.id, 'name', o.name, 'type', o.type) AS operator,
         (SELECT count(*)::int FROM shared_service_members m WHERE m.shared_service_id = ss.id)
           AS "memberCount"
    FROM shared_services ss
    JOIN services s ON s.id = ss.service_id
    JOIN organisations o ON o.id = ss.operator_id`;

const FILTERS = `
   WHERE ($1::uuid IS NULL OR ss.service_id = $1)
     AND ($2::uuid IS NULL OR ss.operator_id = $2)
     AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM shared_service_members m
                                       WHERE m.shared_service_id = ss.id AND m.council_id = $3))`;

export type CouncilMemberRow = CouncilView & { addedAt: Date };

@Injectable()
export class SharedServicesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(q: SharedServiceQueryDto): Promise<[SharedServiceView[], number]> {
    const filters = [q.serviceId ?? null, q.operatorId ?? null, q.councilId ?? null];
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<SharedServiceView[]>(
        `${VIEW_SQL} ${FILTERS} ORDER BY ss.name LIMIT $4 OFFSET $5`,
        [...filters, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM shared_services ss ${FILTERS}`,
        filters,
      ),
    ]);
    return [rows, total];
  }

  async view(
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<SharedServiceView | undefined> {
    const [row] = await m.query<SharedServiceView[]>(`${VIEW_SQL} WHERE ss.id = $1`, [id]);
    return row;
  }

  async membersPage(
    id: string,
    limit: number,
    offset: number,
  ): Promise<[CouncilMemberRow[], number]> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<CouncilMemberRow[]>(
        `SELECT o.id, o.gss_code AS "gssCode", o.name, o.council_type AS "councilType",
                o.region, o.nation, m.added_at AS "addedAt"
           FROM shared_service_members m JOIN organisations o ON o.id = m.council_id
          WHERE m.shared_service_id = $1
          ORDER BY o.gss_code LIMIT $2 OFFSET $3`,
        [id, limit, offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM shared_service_members WHERE shared_service_id = $1`,
        [id],
      ),
    ]);
    return [rows, total];
  }

  findByName(name: string): Promise<SharedService | null> {
    return this.db.getRepository(SharedService).findOneBy({ name });
  }

  create(m: EntityManager, shared: DeepPartial<SharedService>): Promise<SharedService> {
    return m.save(m.create(SharedService, shared));
  }

  lockForChange(m: EntityManager, id: string): Promise<SharedService | null> {
    return m.findOne(SharedService, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager, shared: SharedService): Promise<void> {
    await m.save(shared);
  }

  /** Adds members in one statement; returns the ids that were not members before. */
  async insertMembers(m: EntityManager, id: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await m.query<{ council_id: string }[]>(
      `INSERT INTO shared_service_members (shared_service_id, council_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING council_id`,
      [id, ids],
    );
    return rows.map((r) => r.council_id);
  }

  /** Whether the council was a member. */
  async removeMember(m: EntityManager, id: string, councilId: string): Promise<boolean> {
    const { affected } = await m
      .createQueryBuilder()
      .delete()
      .from('shared_service_members')
      .where('shared_service_id = :id AND council_id = :councilId', { id, councilId })
      .execute();
    return !!affected;
  }
}
