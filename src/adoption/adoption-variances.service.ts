import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { toPage } from '../common/pagination/page-query.dto.js';
import { todayIso } from '../common/validation/is-iso-date.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type {
  ProposeVarianceDto,
  VarianceQueryDto,
  VarianceTransitionDto,
} from './dto/variance.dto.js';
import { OFFICE_DECISIONS, VARIANCE_TRANSITIONS } from './adoption-lifecycle.js';
import { visibleAdoptionsSql } from './adoption-queries.js';
import { AdoptionStore } from './adoption-store.service.js';
import { toVarianceView, type VarianceView } from './adoption-views.js';
import { LocalVariance } from './local-variance.entity.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { assertTransition } from '../common/lifecycle/assert-transition.js';
import { councilIdSql } from '../organisations/council-ref.js';

/** Variances of adoptions the caller can see (aliases as in ADOPTION_SELECT, v the variance). */
const VARIANCE_FROM = `FROM local_variances v
    JOIN adoptions a ON a.id = v.adoption_id
    JOIN organisations o ON o.id = a.council_id
    JOIN services s ON s.id = a.service_id
    LEFT JOIN products p ON p.id = a.product_id
    LEFT JOIN shared_services ss ON ss.id = a.shared_service_id`;

/**
 * Local variances: a council proposes a deviation from a requirement of the service's
 * published baseline; the programme office approves or rejects it; the council may
 * withdraw it. Lists by adoption, by council and by requirement code.
 */
@Injectable()
export class AdoptionVariancesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly store: AdoptionStore,
  ) {}

  async list(actor: Actor, q: VarianceQueryDto, adoptionId?: string) {
    if (adoptionId) await this.store.findVisibleRow(actor, adoptionId);
    const p = new SqlParams();
    const where = [visibleAdoptionsSql(actor, p)];
    if (adoptionId) where.push(`v.adoption_id = ${p.add(adoptionId)}`);
    if (q.requirementCode) where.push(`v.requirement_code = ${p.add(q.requirementCode)}`);
    if (q.councilId) where.push(`v.council_id = ${councilIdSql(q.councilId, p.add(q.councilId))}`);
    if (q.serviceId) where.push(`v.service_id = ${p.add(q.serviceId)}`);
    if (q.status) where.push(`v.status = ${p.add(q.status)}`);
    const clause = where.filter(Boolean).length
      ? `WHERE ${where.filter(Boolean).join(' AND ')}`
      : '';
    const all = await this.db.query<
      {
        id: string | null;
        total: number;
        council_name: string;
        gss_code: string;
        service_code: string;
      }[]
    >(
      // The total comes from all matches, so it stays right on a page past the last one.
      `WITH matched AS (
         SELECT v.id, o.name AS council_name, o.gss_code, s.code AS service_code,
                v.requirement_code, v.created_at
           ${VARIANCE_FROM} ${clause})
       SELECT t.total, pg.id, pg.council_name, pg.gss_code, pg.service_code
         FROM (SELECT count(*)::int AS total FROM matched) t
         LEFT JOIN LATERAL (
           SELECT * FROM matched ORDER BY requirement_code, council_name, created_at
            LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}) pg ON true`,
      p.values,
    );
    const rows = all.filter((r): r is (typeof all)[number] & { id: string } => r.id !== null);
    const byId = new Map(
      (rows.length
        ? await this.db
            .getRepository(LocalVariance)
            .createQueryBuilder('v')
            .where('v.id = ANY(:ids)', { ids: rows.map((r) => r.id) })
            .getMany()
        : []
      ).map((v) => [v.id, v]),
    );
    const today = todayIso();
    const data = rows.map((r) => ({
      ...toVarianceView(byId.get(r.id)!, today),
      council: { name: r.council_name, gssCode: r.gss_code },
      serviceCode: r.service_code,
    }));
    return toPage(data, all[0]?.total ?? 0, q);
  }

  async propose(actor: Actor, adoptionId: string, dto: ProposeVarianceDto): Promise<VarianceView> {
    const today = todayIso();
    if (dto.expiresOn <= today) {
      throw ProblemException.invalidFields([
        { field: 'expiresOn', message: 'must be after today' },
      ]);
    }
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      const a = await this.store.lockForChange(m, actor, adoptionId);
      const [req] = await m.query<{ code: string }[]>(
        `SELECT r.code FROM requirements r
           JOIN requirement_sets rs ON rs.id = r.requirement_set_id
          WHERE rs.service_id = $1 AND rs.status = 'published' AND r.code = $2 LIMIT 1`,
        [a.serviceId, dto.requirementCode],
      );
      if (!req) {
        throw ProblemException.unprocessable(
          'unknown_requirement',
          `${dto.requirementCode} is not a requirement of this service's published baseline`,
          { requirementCode: dto.requirementCode },
        );
      }
      const saved = await m.save(
        m.create(LocalVariance, {
          adoptionId,
          councilId: a.councilId,
          serviceId: a.serviceId,
          requirementCode: dto.requirementCode,
          description: dto.description,
          justification: dto.justification,
          expiresOn: dto.expiresOn,
          status: 'proposed',
          proposedByUserId: actor.userId,
        }),
      );
      const view = toVarianceView(saved, today);
      await this.store.addHistory(m, actor, adoptionId, {
        event: 'variance_proposed',
        note: `${dto.requirementCode}: ${dto.description}`,
      });
      await this.audit.record(m, actor, {
        action: 'variance.proposed',
        entityType: 'local_variance',
        entityId: saved.id,
        after: view,
      });
      return view;
    });
  }

  async transition(
    actor: Actor,
    adoptionId: string,
    varianceId: string,
    dto: VarianceTransitionDto,
  ): Promise<VarianceView> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.store.lockForChange(m, actor, adoptionId);
      const v = await m.findOne(LocalVariance, {
        where: { id: varianceId, adoptionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!v) throw ProblemException.notFound('Variance', varianceId);
      if (v.version !== dto.version) throw ProblemException.staleVersion('Variance', v.version);
      assertTransition(VARIANCE_TRANSITIONS, v.status, dto.to, 'a variance');
      if (OFFICE_DECISIONS.includes(dto.to) && actor.role !== 'programme_admin') {
        throw new ProblemException(
          403,
          'decision_reserved',
          'Only the programme office approves or rejects a variance',
        );
      }
      if (dto.to === 'rejected' && !dto.reason?.trim()) {
        throw ProblemException.invalidFields([
          { field: 'reason', message: 'a reason is required to reject a variance' },
        ]);
      }
      const today = todayIso();
      const before = toVarianceView(v, today);
      const from = v.status;
      v.status = dto.to;
      if (OFFICE_DECISIONS.includes(dto.to)) {
        Object.assign(v, {
          decisionReason: dto.reason ?? null,
          decidedByUserId: actor.userId,
          decidedAt: new Date(),
        });
      }
      const after = toVarianceView(await m.save(v), today);
      await this.store.addHistory(m, actor, adoptionId, {
        event: `variance_${dto.to}`,
        note: `${v.requirementCode}: ${from} → ${dto.to}${dto.reason ? ` (${dto.reason})` : ''}`,
      });
      await this.audit.record(m, actor, {
        action: `variance.${dto.to}`,
        entityType: 'local_variance',
        entityId: v.id,
        before,
        after,
      });
      return after;
    });
  }
}
