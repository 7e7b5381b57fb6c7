import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { GSS_CODE } from './dto/council-group.dto.js';
import type { CouncilQueryDto } from './dto/council-query.dto.js';
import type { CreateCouncilDto } from './dto/create-council.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { Organisation } from './organisation.entity.js';
import { type CouncilView, toCouncilView } from './organisation-views.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Councils are reference data: every signed-in role may read them. */
@Injectable()
export class CouncilsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds a council to the registry; the adoption module then gives it an adoption of
   * every service whose scope takes it in (`council.added`).
   */
  async create(actor: Actor, dto: CreateCouncilDto): Promise<CouncilView> {
    const nation = dto.gssCode.startsWith('W') ? 'Wales' : 'England';
    if (nation !== dto.nation) {
      throw ProblemException.unprocessable(
        'nation_mismatch',
        `GSS code ${dto.gssCode} is a council in ${nation}, not ${dto.nation}`,
      );
    }
    if (await this.db.getRepository(Organisation).existsBy({ gssCode: dto.gssCode })) {
      throw ProblemException.conflict('duplicate_gss_code', `Council ${dto.gssCode} exists`);
    }
    return this.uow.run(async (tx) => {
      const council = await tx.manager.save(
        tx.manager.create(Organisation, {
          type: 'COUNCIL',
          name: dto.name,
          gssCode: dto.gssCode,
          councilType: dto.councilType,
          region: dto.region,
          nation: dto.nation,
        }),
      );
      const view = toCouncilView(council);
      await this.audit.record(tx.manager, actor, {
        action: 'council.created',
        entityType: 'organisation',
        entityId: council.id,
        after: view,
      });
      tx.publish('council.added', { councilId: council.id, gssCode: council.gssCode! });
      return view;
    });
  }

  /** A council's id from its id or GSS code; 400 for neither, 404 for no such council. */
  async resolveId(idOrCode: string): Promise<string> {
    return (await this.get(idOrCode)).id;
  }

  async list(q: CouncilQueryDto): Promise<Page<CouncilView>> {
    const qb = this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .where(`o.type = 'COUNCIL'`);
    if (q.nation) qb.andWhere('o.nation = :nation', { nation: q.nation });
    if (q.region) qb.andWhere('o.region = :region', { region: q.region });
    if (q.type) qb.andWhere('o.council_type = :type', { type: q.type });
    if (q.group) {
      qb.andWhere(
        'o.id IN (SELECT council_id FROM council_group_members WHERE group_id = :group)',
        { group: q.group },
      );
    }
    if (q.q) {
      qb.andWhere('(o.name ILIKE :like OR o.gss_code LIKE :prefix)', {
        like: `%${q.q.replace(/[\\%_]/g, '\\$&')}%`,
        prefix: `${q.q.toUpperCase().replace(/[\\%_]/g, '\\$&')}%`,
      });
    }
    const [rows, total] = await qb
      .orderBy('o.gss_code')
      .skip(q.offset)
      .take(q.limit)
      .getManyAndCount();
    return toPage(rows.map(toCouncilView), total, q);
  }

  /** By id or by GSS code (e.g. E09000001). */
  async get(idOrCode: string): Promise<CouncilView> {
    const by = GSS_CODE.test(idOrCode)
      ? { gssCode: idOrCode }
      : UUID.test(idOrCode)
        ? { id: idOrCode }
        : null;
    if (!by) {
      throw ProblemException.badRequest('validation_failed', 'Expected a council id or GSS code', [
        { field: 'id', message: 'must be a UUID or a GSS code such as E09000001' },
      ]);
    }
    const council = await this.db.getRepository(Organisation).findOneBy({ ...by, type: 'COUNCIL' });
    if (!council) throw ProblemException.notFound('Council', idOrCode);
    return toCouncilView(council);
  }

  /** Resolves ids and GSS codes to council ids; 422 naming any that are not councils. */
  async resolveIds(ids: string[] = [], gssCodes: string[] = []): Promise<string[]> {
    if (ids.length === 0 && gssCodes.length === 0) return [];
    const rows: { id: string; gss_code: string }[] = await this.db.query(
      `SELECT id, gss_code FROM organisations
        WHERE type = 'COUNCIL' AND (id = ANY($1::uuid[]) OR gss_code = ANY($2::text[]))`,
      [ids, gssCodes],
    );
    const foundIds = new Set(rows.map((r) => r.id));
    const foundCodes = new Set(rows.map((r) => r.gss_code));
    const missing = [
      ...ids.filter((i) => !foundIds.has(i)),
      ...gssCodes.filter((c) => !foundCodes.has(c)),
    ];
    if (missing.length > 0) {
      throw ProblemException.unprocessable(
        'unknown_councils',
        `Not councils: ${missing.join(', ')}`,
        {
          missing,
        },
      );
    }
    return [...foundIds];
  }

  /** Ids of the councils in a group; 422 when there is no such group. */
  async idsInGroup(groupId: string): Promise<string[]> {
    const [group]: { ids: string[] }[] = await this.db.query(
      `SELECT array_remove(array_agg(m.council_id), NULL) AS ids
         FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
        WHERE g.id = $1 GROUP BY g.id`,
      [groupId],
    );
    if (!group) {
      throw ProblemException.unprocessable(
        'unknown_council_group',
        `Council group ${groupId} not found`,
      );
    }
    return group.ids;
  }
}
