import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params.js';
import type { AudienceFilter } from './audience-filter.js';
import {
  type AudienceRequest,
  AudienceResolver,
  type AudienceRow,
} from './audience-resolver.service.js';
import { Communication } from './communication.entity.js';
import { type Progress, progressManySql, progressSql } from './communication-views.js';
import type { CommunicationQueryDto } from './dto/communication-query.dto.js';
import type { Recipient } from './message-renderer.service.js';

export interface PreviewCounts {
  recipients: number;
  suppliers: number;
  webhooks: number;
  endpoints: { supplierId: string; supplierName: string }[];
}

/** The audience lists that must name known things, each checked in one query. */
export interface AudienceLists {
  supplierIds: string[];
  serviceIds: string[];
  councilGroupIds: string[];
  regions: string[];
}

/**
 * Communications and what they reach: `supplierId` (a tenant-scoped caller's organisation)
 * limits a read to communications with a delivery to that supplier.
 */
@Injectable()
export class CommunicationsRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audience: AudienceResolver,
  ) {}

  async add(m: EntityManager, c: Partial<Communication>): Promise<Communication> {
    return m.save(m.create(Communication, c));
  }

  async persist(m: EntityManager, c: Communication): Promise<Communication> {
    return m.save(c);
  }

  async page(
    q: CommunicationQueryDto,
    supplierId: string | null | undefined,
  ): Promise<[Communication[], number]> {
    const qb = this.db.getRepository(Communication).createQueryBuilder('c');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.topic) qb.andWhere('c.topic = :topic', { topic: q.topic });
    if (q.kind) qb.andWhere('c.kind = :kind', { kind: q.kind });
    if (supplierId !== undefined) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM deliveries d WHERE d.communication_id = c.id AND d.supplier_id = :org)',
        { org: supplierId },
      );
    }
    return qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
  }

  async find(id: string, supplierId: string | null | undefined): Promise<Communication | null> {
    const qb = this.db
      .getRepository(Communication)
      .createQueryBuilder('c')
      .where('c.id = :id', { id });
    if (supplierId !== undefined) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM deliveries d WHERE d.communication_id = c.id AND d.supplier_id = :org)',
        { org: supplierId },
      );
    }
    return qb.getOne();
  }

  async lockForChange(m: EntityManager, id: string): Promise<Communication | null> {
    return m.findOne(Communication, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Delivery progress of one communication (of its deliveries to one supplier if given). */
  async progress(id: string, supplierId: string | null | undefined): Promise<Progress> {
    const scoped = supplierId !== undefined;
    const [progress] = await this.db.query<Progress[]>(
      progressSql(scoped),
      scoped ? [id, supplierId] : [id],
    );
    return progress;
  }

  /** Progress counters of several communications at once (one aggregate). */
  async progressOf(ids: string[]): Promise<(Progress & { id: string })[]> {
    return this.db.query<(Progress & { id: string })[]>(progressManySql, [ids]);
  }

  /** Recipients, suppliers and webhook endpoints the audience reaches now. */
  async previewCounts(req: AudienceRequest): Promise<PreviewCounts> {
    const { sql, params } = this.audience.query(req);
    const [counts] = await this.db.query<PreviewCounts[]>(
      `SELECT count(*)::int AS recipients, count(DISTINCT supplier_id)::int AS suppliers,
              count(DISTINCT supplier_id) FILTER (WHERE webhook_url IS NOT NULL)::int AS webhooks,
              COALESCE(jsonb_agg(DISTINCT jsonb_build_object('supplierId', supplier_id,
                                                             'supplierName', supplier_name))
                         FILTER (WHERE webhook_url IS NOT NULL), '[]') AS endpoints
         FROM (${sql}) a`,
      params,
    );
    return counts;
  }

  /** The audience's first recipient by supplier and contact name. */
  async firstRecipient(req: AudienceRequest): Promise<AudienceRow | undefined> {
    const { sql, params } = this.audience.query(req);
    const [first] = await this.db.query<AudienceRow[]>(
      `SELECT * FROM (${sql}) a ORDER BY supplier_name, contact_name, contact_id LIMIT 1`,
      params,
    );
    return first;
  }

  /** The suppliers the audience reaches, by name. */
  async audienceSuppliers(req: AudienceRequest): Promise<{ id: string; name: string }[]> {
    const { sql, params } = this.audience.query(req);
    return this.db.query(
      `SELECT DISTINCT supplier_id AS id, supplier_name AS name FROM (${sql}) a
        ORDER BY supplier_name, supplier_id`,
      params,
    );
  }

  /** One supplier's template lists (products, councils) for this audience. */
  async supplierLists(
    audience: AudienceFilter,
    supplierId: string,
  ): Promise<Partial<Pick<Recipient, 'products' | 'councils'>> | undefined> {
    const { sql, params } = this.audience.context(audience, 's.id = $1', 2);
    const [row] = await this.db.query<Partial<Pick<Recipient, 'products' | 'councils'>>[]>(sql, [
      supplierId,
      ...params,
    ]);
    return row;
  }

  /** The ids among `ids` that name a council. */
  async knownCouncils(ids: string[]): Promise<Set<string>> {
    const found: { id: string }[] = await this.db.query(
      `SELECT id FROM organisations WHERE type = 'COUNCIL' AND id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(found.map((r) => r.id));
  }

  /** Per list, the positions of the values naming nothing (one query). */
  async unknownInAudience(lists: AudienceLists): Promise<Record<keyof AudienceLists, number[]>> {
    const p = new SqlParams();
    const unknown = (table: string, column: string, type: string, values: unknown[], extra = '') =>
      `(SELECT COALESCE(array_agg((x.i - 1)::int), '{}') FROM unnest(${p.add(values)}::${type}[]) WITH ORDINALITY x(v, i)
         WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.${column} = x.v ${extra}))`;
    const [row]: Record<keyof AudienceLists, number[]>[] = await this.db.query(
      `SELECT ${unknown('organisations', 'id', 'uuid', lists.supplierIds, `AND t.type = 'SUPPLIER'`)} AS "supplierIds",
              ${unknown('services', 'id', 'uuid', lists.serviceIds)} AS "serviceIds",
              ${unknown('council_groups', 'id', 'uuid', lists.councilGroupIds)} AS "councilGroupIds",
              ${unknown('organisations', 'region', 'text', lists.regions, `AND t.type = 'COUNCIL'`)} AS "regions"`,
      p.values,
    );
    return row;
  }
}
