import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { CouncilsService } from '../organisations/councils.service.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type { CouncilView } from '../organisations/organisation-views.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { SharedServiceView } from './catalogue-views.js';
import type {
  CreateSharedServiceDto,
  SharedServiceMembersDto,
  UpdateSharedServiceDto,
} from './dto/shared-service.dto.js';
import type { SharedServiceQueryDto } from './dto/shared-service-query.dto.js';
import { SharedService } from './shared-service.entity.js';
import { Service } from './service.entity.js';

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

type CouncilMemberView = CouncilView & { addedAt: Date };

/** Shared services (one hosted instance serving many councils) and their members. */
@Injectable()
export class SharedServicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly councils: CouncilsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: SharedServiceQueryDto): Promise<Page<SharedServiceView>> {
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
    return toPage(rows, total, q);
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<SharedServiceView> {
    const [row] = await m.query<SharedServiceView[]>(`${VIEW_SQL} WHERE ss.id = $1`, [id]);
    if (!row) throw ProblemException.notFound('Shared service', id);
    return row;
  }

  async members(id: string, q: PageQueryDto): Promise<Page<CouncilMemberView>> {
    await this.get(id);
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<CouncilMemberView[]>(
        `SELECT o.id, o.gss_code AS "gssCode", o.name, o.council_type AS "councilType",
                o.region, o.nation, m.added_at AS "addedAt"
           FROM shared_service_members m JOIN organisations o ON o.id = m.council_id
          WHERE m.shared_service_id = $1
          ORDER BY o.gss_code LIMIT $2 OFFSET $3`,
        [id, q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(
        `SELECT count(*)::int AS total FROM shared_service_members WHERE shared_service_id = $1`,
        [id],
      ),
    ]);
    return toPage(rows, total, q);
  }

  async create(actor: Actor, dto: CreateSharedServiceDto): Promise<SharedServiceView> {
    if (!(await this.db.getRepository(Service).existsBy({ id: dto.serviceId }))) {
      throw ProblemException.unprocessable('unknown_service', `Service ${dto.serviceId} not found`);
    }
    await this.requireOperator(dto.operatorId);
    const memberIds = await this.resolveMembers(dto);
    await this.refuseDuplicateName(dto.name);
    const id = await this.uow.run(async (tx) => {
      const saved = await tx.manager.save(
        tx.manager.create(SharedService, {
          name: dto.name,
          description: dto.description ?? '',
          serviceId: dto.serviceId,
          operatorId: dto.operatorId,
        }),
      );
      const added = await this.insertMembers(tx.manager, saved.id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.created',
        entityType: 'shared_service',
        entityId: saved.id,
        after: {
          name: saved.name,
          description: saved.description,
          serviceId: saved.serviceId,
          operatorId: saved.operatorId,
          members: added.sort(),
        },
      });
      return saved.id;
    });
    return this.get(id);
  }

  async update(actor: Actor, id: string, dto: UpdateSharedServiceDto): Promise<SharedServiceView> {
    const { version, ...fields } = dto;
    if (fields.operatorId) await this.requireOperator(fields.operatorId);
    if (fields.name) await this.refuseDuplicateName(fields.name, id);
    return this.uow.run(async (tx) => {
      const shared = await tx.manager.findOne(SharedService, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!shared) throw ProblemException.notFound('Shared service', id);
      if (shared.version !== version) {
        throw ProblemException.staleVersion('Shared service', shared.version);
      }
      const before = await this.get(id, tx.manager);
      await tx.manager.save(Object.assign(shared, fields));
      const after = await this.get(id, tx.manager);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.updated',
        entityType: 'shared_service',
        entityId: id,
        before,
        after,
      });
      return after;
    });
  }

  /** Adds councils by id, GSS code or council group; existing members are kept. */
  async addMembers(
    actor: Actor,
    id: string,
    dto: SharedServiceMembersDto,
  ): Promise<SharedServiceView & { added: number }> {
    await this.get(id);
    const memberIds = await this.resolveMembers(dto);
    if (memberIds.length === 0) {
      throw ProblemException.badRequest(
        'validation_failed',
        'Give councilIds, gssCodes or councilGroupId',
        [{ field: 'councilIds', message: 'name at least one council, by id, GSS code or group' }],
      );
    }
    const added = await this.uow.run(async (tx) => {
      const ids = await this.insertMembers(tx.manager, id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.members_added',
        entityType: 'shared_service',
        entityId: id,
        before: { members: [] },
        after: { members: ids.sort() },
      });
      return ids;
    });
    return { ...(await this.get(id)), added: added.length };
  }

  async removeMember(actor: Actor, id: string, councilId: string): Promise<SharedServiceView> {
    await this.uow.run(async (tx) => {
      const { affected } = await tx.manager
        .createQueryBuilder()
        .delete()
        .from('shared_service_members')
        .where('shared_service_id = :id AND council_id = :councilId', { id, councilId })
        .execute();
      if (!affected) throw ProblemException.notFound('Shared service member', councilId);
      await this.audit.record(tx.manager, actor, {
        action: 'shared_service.member_removed',
        entityType: 'shared_service',
        entityId: id,
        before: { members: [councilId] },
        after: { members: [] },
      });
    });
    return this.get(id);
  }

  private async resolveMembers(dto: SharedServiceMembersDto): Promise<string[]> {
    const [named, inGroup] = await Promise.all([
      this.councils.resolveIds(dto.councilIds, dto.gssCodes),
      dto.councilGroupId ? this.councils.idsInGroup(dto.councilGroupId) : [],
    ]);
    return [...new Set([...named, ...inGroup])];
  }

  /** Adds members in one statement; returns the ids that were not members before. */
  private async insertMembers(m: EntityManager, id: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { council_id: string }[] = await m.query(
      `INSERT INTO shared_service_members (shared_service_id, council_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING council_id`,
      [id, ids],
    );
    return rows.map((r) => r.council_id);
  }

  private async requireOperator(id: string): Promise<void> {
    const org = await this.db.getRepository(Organisation).findOneBy({ id });
    if (!org || (org.type !== 'SUPPLIER' && org.type !== 'COUNCIL')) {
      throw ProblemException.unprocessable(
        'invalid_operator',
        `Organisation ${id} is not a supplier or a council`,
      );
    }
  }

  private async refuseDuplicateName(name: string, exceptId?: string): Promise<void> {
    const existing = await this.db.getRepository(SharedService).findOneBy({ name });
    if (existing && existing.id !== exceptId) {
      throw ProblemException.conflict('duplicate_name', `A shared service named "${name}" exists`);
    }
  }
}
