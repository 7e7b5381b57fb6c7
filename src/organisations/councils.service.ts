import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { GSS_CODE } from './dto/council-group.dto.js';
import type { CouncilQueryDto } from './dto/council-query.dto.js';
import type { CreateCouncilDto } from './dto/create-council.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { CouncilGroupsRepository } from './council-groups.repository.js';
import { OrganisationsRepository } from './organisations.repository.js';
import { type CouncilView, toCouncilView } from './organisation-views.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Councils are reference data: every signed-in role may read them. */
@Injectable()
export class CouncilsService {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly groups: CouncilGroupsRepository,
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
    if (await this.organisations.existsBy({ gssCode: dto.gssCode })) {
      throw ProblemException.conflict('duplicate_gss_code', `Council ${dto.gssCode} exists`);
    }
    return this.uow.run(async (tx) => {
      const council = await this.organisations.create(tx.manager, {
        type: 'COUNCIL',
        name: dto.name,
        gssCode: dto.gssCode,
        councilType: dto.councilType,
        region: dto.region,
        nation: dto.nation,
      });
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
    const [rows, total] = await this.organisations.councilsPage(q);
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
    const council = await this.organisations.findOneBy({ ...by, type: 'COUNCIL' });
    if (!council) throw ProblemException.notFound('Council', idOrCode);
    return toCouncilView(council);
  }

  /** Resolves ids and GSS codes to council ids; 422 naming any that are not councils. */
  async resolveIds(ids: string[] = [], gssCodes: string[] = []): Promise<string[]> {
    if (ids.length === 0 && gssCodes.length === 0) return [];
    const rows = await this.organisations.councilsByIdOrCode(ids, gssCodes);
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
    const ids = await this.groups.memberIds(groupId);
    if (!ids) {
      throw ProblemException.unprocessable(
        'unknown_council_group',
        `Council group ${groupId} not found`,
      );
    }
    return ids;
  }
}
