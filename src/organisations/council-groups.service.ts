import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { CouncilGroup } from './council-group.entity.js';
import { CouncilsService } from './councils.service.js';
import type { CouncilMembersDto, CreateCouncilGroupDto } from './dto/council-group.dto.js';
import { Organisation } from './organisation.entity.js';
import { type CouncilView, toCouncilView } from './organisation-views.js';

interface GroupView {
  id: string;
  name: string;
  description: string;
  memberCount: number;
}

@Injectable()
export class CouncilGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly councils: CouncilsService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: PageQueryDto): Promise<Page<GroupView>> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<GroupView[]>(
        `SELECT g.id, g.name, g.description, count(m.council_id)::int AS "memberCount"
           FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
          GROUP BY g.id ORDER BY g.name LIMIT $1 OFFSET $2`,
        [q.limit, q.offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM council_groups`),
    ]);
    return toPage(rows, total, q);
  }

  async get(id: string): Promise<GroupView> {
    const [row] = await this.db.query<GroupView[]>(
      `SELECT g.id, g.name, g.description, count(m.council_id)::int AS "memberCount"
         FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
        WHERE g.id = $1 GROUP BY g.id`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Council group', id);
    return row;
  }

  async members(id: string, q: PageQueryDto): Promise<Page<CouncilView>> {
    await this.get(id);
    const [rows, total] = await this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .innerJoin('council_group_members', 'm', 'm.council_id = o.id AND m.group_id = :id', { id })
      .orderBy('o.gss_code')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows.map(toCouncilView), total, q);
  }

  async create(actor: Actor, dto: CreateCouncilGroupDto): Promise<GroupView> {
    const memberIds = await this.councils.resolveIds(dto.councilIds, dto.gssCodes);
    if (await this.db.getRepository(CouncilGroup).existsBy({ name: dto.name })) {
      throw ProblemException.conflict(
        'duplicate_name',
        `A council group named "${dto.name}" exists`,
      );
    }
    const id = await this.uow.run(async (tx) => {
      const group = await tx.manager.save(
        tx.manager.create(CouncilGroup, { name: dto.name, description: dto.description ?? '' }),
      );
      await this.insertMembers(tx.manager, group.id, memberIds);
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.created',
        entityType: 'council_group',
        entityId: group.id,
        after: { name: group.name, description: group.description, members: memberIds.sort() },
      });
      return group.id;
    });
    return this.get(id);
  }

  async addMembers(actor: Actor, id: string, dto: CouncilMembersDto): Promise<GroupView> {
    await this.get(id);
    const memberIds = await this.councils.resolveIds(dto.councilIds, dto.gssCodes);
    if (memberIds.length === 0) {
      throw ProblemException.badRequest('validation_failed', 'Give councilIds or gssCodes', [
        { field: 'councilIds', message: 'councilIds or gssCodes must list at least one council' },
      ]);
    }
    await this.uow.run(async (tx) => {
      const added = await this.insertMembers(tx.manager, id, memberIds);
      if (added.length > 0) tx.publish('council_group.members_changed', { groupId: id });
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.members_added',
        entityType: 'council_group',
        entityId: id,
        before: { members: [] },
        after: { members: added.sort() },
      });
    });
    return this.get(id);
  }

  async removeMember(actor: Actor, id: string, councilId: string): Promise<GroupView> {
    await this.uow.run(async (tx) => {
      const { affected } = await tx.manager
        .createQueryBuilder()
        .delete()
        .from('council_group_members')
        .where('group_id = :id AND council_id = :councilId', { id, councilId })
        .execute();
      if (!affected) throw ProblemException.notFound('Council group member', councilId);
      tx.publish('council_group.members_changed', { groupId: id });
      await this.audit.record(tx.manager, actor, {
        action: 'council_group.member_removed',
        entityType: 'council_group',
        entityId: id,
        before: { members: [councilId] },
        after: { members: [] },
      });
    });
    return this.get(id);
  }

  /** Adds members (one statement); returns the ids that were not members before. */
  private async insertMembers(m: EntityManager, groupId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { council_id: string }[] = await m.query(
      `INSERT INTO council_group_members (group_id, council_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING council_id`,
      [groupId, ids],
    );
    return rows.map((r) => r.council_id);
  }
}
