import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateInteropTestDto } from './dto/create-interop-test.dto.js';
import type { InteropMatrixViewDto } from './dto/interop-matrix-view.dto.js';
import type { InteropQueryDto } from './dto/interop-query.dto.js';
import type { InteropTestViewDto } from './dto/interop-test-view.dto.js';
import { overallResult } from './interop-rule.js';
import { InteropTestsRepository, type InteropStandardSummary } from './interop-tests.repository.js';
import { type InteropRow, toInteropView } from './interop-views.js';

export type { InteropStandardSummary } from './interop-tests.repository.js';

/** Tested-together records and the matrix per standard. Readable by every signed-in role. */
@Injectable()
export class InteropTestsService {
  constructor(
    private readonly tests: InteropTestsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: InteropQueryDto): Promise<Page<InteropTestViewDto>> {
    const rows = await this.tests.page(q);
    return toPage(rows.map(toInteropView), rows[0]?.total ?? 0, q);
  }

  /**
   * The standards that have tested-together records: how many records and pairs, how many
   * are due a retest, and the latest test date (one aggregate statement).
   */
  async standards(): Promise<InteropStandardSummary[]> {
    return this.tests.standards();
  }

  async get(id: string, m?: EntityManager): Promise<InteropTestViewDto> {
    const row = await this.tests.find(id, m);
    if (!row) throw ProblemException.notFound('Tested-together record', id);
    return toInteropView(row);
  }

  /** The latest record of every pair tested against the standard (one statement). */
  async matrix(standardId: string): Promise<InteropMatrixViewDto> {
    const standard = await this.tests.standard(standardId);
    if (!standard) throw ProblemException.notFound('Standard', standardId);
    const rows = await this.tests.latestPerPair(standardId);
    const parties = new Map<
      string,
      { type: InteropRow['party_a_type']; id: string; name: string }
    >();
    for (const r of rows) {
      parties.set(r.party_a_id, { type: r.party_a_type, id: r.party_a_id, name: r.party_a_name });
      parties.set(r.party_b_id, { type: r.party_b_type, id: r.party_b_id, name: r.party_b_name });
    }
    return {
      standard,
      parties: [...parties.values()].sort((a, b) => a.name.localeCompare(b.name)),
      cells: rows.map((r) => ({
        testId: r.id,
        partyAId: r.party_a_id,
        partyBId: r.party_b_id,
        result: r.result,
        testedOn: r.tested_on,
        expiresOn: r.expires_on,
        retestDue: r.retest_due,
      })),
    };
  }

  async create(actor: Actor, dto: CreateInteropTestDto): Promise<InteropTestViewDto> {
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      await this.checkReferences(m, dto);
      const id = await this.tests.add(m, dto, overallResult(dto.cases));
      const view = await this.get(id, m);
      await this.audit.record(m, actor, {
        action: 'interop_test.recorded',
        entityType: 'interop_test',
        entityId: id,
        after: view,
      });
      return view;
    });
  }

  /** 422 naming the standard or party that does not exist (one statement). */
  private async checkReferences(m: EntityManager, dto: CreateInteropTestDto): Promise<void> {
    if (dto.partyA.id === dto.partyB.id) {
      throw ProblemException.unprocessable('same_party', 'A party cannot be tested with itself', {
        errors: [{ field: 'partyB.id', message: 'must differ from partyA.id' }],
      });
    }
    const r = await this.tests.references(m, dto);
    const errors: FieldError[] = [];
    if (!r.standard) errors.push({ field: 'standardId', message: 'no such standard' });
    if (r.a === null) errors.push({ field: 'partyA.id', message: `no such ${dto.partyA.type}` });
    if (r.b === null) errors.push({ field: 'partyB.id', message: `no such ${dto.partyB.type}` });
    if (errors.length > 0) {
      throw ProblemException.unprocessable('unknown_reference', 'Unknown references', { errors });
    }
  }
}
