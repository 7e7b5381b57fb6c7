import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { Actor } from '../auth/actor.js';
import { auditEventsFromRows } from '../audit/audit-sql.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { streamQuery } from '../common/sql/stream-query.js';
import { AdoptionHistory } from './adoption-history.entity.js';
import {
  ADOPTION_SELECT,
  adoptionWhere,
  type AdoptionRow,
  visibleAdoptionsSql,
} from './adoption-queries.js';
import { Adoption } from './adoption.entity.js';
import type { AdoptionFilterDto, AdoptionQueryDto } from './dto/adoption-query.dto.js';

const COUNT_FROM = `FROM adoptions a
    JOIN organisations o ON o.id = a.council_id
    LEFT JOIN products p ON p.id = a.product_id
    LEFT JOIN shared_services ss ON ss.id = a.shared_service_id`;

export interface FlaggedAdoptionRow {
  id: string;
  council_id: string;
}

/** What a knock-on flags: adoptions routed through the product (for one service, or any). */
export interface KnockOn {
  productId: string;
  serviceId: string | null;
  reason: string;
  cause: string;
  actorLabel: string;
}

@Injectable()
export class AdoptionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The adoption in its read shape when the actor may see it. */
  async visibleRow(
    actor: Actor,
    id: string,
    m: EntityManager = this.db.manager,
  ): Promise<AdoptionRow | undefined> {
    const p = new SqlParams();
    const where = [`a.id = ${p.add(id)}`, visibleAdoptionsSql(actor, p)].filter(Boolean);
    const [row] = await m.query<AdoptionRow[]>(
      `${ADOPTION_SELECT} WHERE ${where.join(' AND ')}`,
      p.values,
    );
    return row;
  }

  async page(actor: Actor, q: AdoptionQueryDto): Promise<[AdoptionRow[], number]> {
    const p = new SqlParams();
    const where = adoptionWhere(actor, q, p);
    const c = new SqlParams();
    const [rows, [{ n }]] = await Promise.all([
      this.db.query<AdoptionRow[]>(
        `${ADOPTION_SELECT} ${where} ORDER BY o.name, s.code LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
        p.values,
      ),
      this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n ${COUNT_FROM} ${adoptionWhere(actor, q, c)}`,
        c.values,
      ),
    ]);
    return [rows, n];
  }

  /** Every visible adoption matching the filters (AdoptionRow objects), from a cursor. */
  exportRows(actor: Actor, f: AdoptionFilterDto): Promise<Readable> {
    const p = new SqlParams();
    return streamQuery(
      this.db,
      `${ADOPTION_SELECT} ${adoptionWhere(actor, f, p)} ORDER BY o.name, s.code`,
      p.values,
    );
  }

  lockById(m: EntityManager, id: string): Promise<Adoption | null> {
    return m.findOne(Adoption, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async update(m: EntityManager, adoption: Adoption): Promise<void> {
    await m.save(adoption);
  }

  async addHistory(m: EntityManager, row: QueryDeepPartialEntity<AdoptionHistory>): Promise<void> {
    await m.insert(AdoptionHistory, row);
  }

  history(adoptionId: string): Promise<AdoptionHistory[]> {
    return this.db
      .getRepository(AdoptionHistory)
      .find({ where: { adoptionId }, order: { occurredAt: 'ASC' } });
  }

  /**
   * Flags `attention_required` with the reason on every adoption routed through the
   * product (and service), bumping its version and writing history and audit rows, in one
   * statement. An adoption already flagged with the same reason is left alone.
   */
  flagRoutedThrough(k: KnockOn): Promise<FlaggedAdoptionRow[]> {
    return this.db.query<FlaggedAdoptionRow[]>(
      `WITH flagged AS (
         UPDATE adoptions a
            SET attention_required = true, attention_reason = $3,
                version = a.version + 1, updated_at = now()
           FROM adoptions old
          WHERE old.id = a.id AND a.route_type = 'product' AND a.product_id = $1
            AND ($2::uuid IS NULL OR a.service_id = $2)
            AND NOT (a.attention_required AND a.attention_reason IS NOT DISTINCT FROM $3)
         RETURNING a.id, a.council_id, a.stage, old.attention_required AS was_required,
                   old.attention_reason AS was_reason),
       history AS (
         INSERT INTO adoption_history (adoption_id, event, changes, note, actor_label)
         SELECT f.id, 'attention_flagged',
                jsonb_build_object(
                  'attentionRequired', jsonb_build_object('before', f.was_required, 'after', true),
                  'attentionReason', jsonb_build_object('before', f.was_reason, 'after', $3::text)),
                $4, $5
           FROM flagged f RETURNING adoption_id),
       audit AS (${auditEventsFromRows({
         actorLabel: '$5',
         action: `'adoption.attention_flagged'`,
         entityType: `'adoption'`,
         entityId: 'f.id::text',
         changes: `jsonb_build_object(
                  'attentionRequired', jsonb_build_object('before', f.was_required, 'after', true),
                  'attentionReason', jsonb_build_object('before', f.was_reason, 'after', $3::text),
                  'cause', jsonb_build_object('before', null, 'after', $4::text))`,
         from: 'flagged f',
       })})
       SELECT f.id, f.council_id FROM flagged f`,
      [k.productId, k.serviceId, k.reason, k.cause, k.actorLabel],
    );
  }
}
