import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { type FieldError, ProblemException } from '../common/errors/problem.exception.js';
import { type Page, toPage } from '../common/pagination/page-query.dto.js';
import { SqlParams } from '../common/sql/sql-params.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { CreateInteropTestDto } from './dto/create-interop-test.dto.js';
import type { InteropMatrixViewDto } from './dto/interop-matrix-view.dto.js';
import type { InteropQueryDto } from './dto/interop-query.dto.js';
import type { InteropTestViewDto } from './dto/interop-test-view.dto.js';
import { overallResult } from './interop-rule.js';
import { type InteropRow, partyNameSql, toInteropView, VIEW_COLUMNS } from './interop-views.js';

/** A standard with tested-together records, summarised for the interoperability pages. */
export interface InteropStandardSummary {
  id: string;
  code: string;
  version: string;
  name: string;
  records: number;
  pairs: number;
  retestDue: number;
  latestTestedOn: string;
}

const PAIR = `LEAST(t.party_a_id, t.party_b_id), GREATEST(t.party_a_id, t.party_b_id)`;

/** Tested-together records and the matrix per standard. Readable by every signed-in role. */
@Injectable()
export class InteropTestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
  ) {}

  async list(q: InteropQueryDto): Promise<Page<InteropTestViewDto>> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.standardId) where.push(`t.standard_id = ${p.add(q.standardId)}`);
    if (q.partyId) {
      const id = p.add(q.partyId);
      where.push(`(t.party_a_id = ${id} OR t.party_b_id = ${id})`);
    }
    if (q.retestDue !== undefined) where.push(`t.retest_due = ${p.add(q.retestDue)}`);
    const rows: (InteropRow & { total: number })[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS}, count(*) OVER ()::int AS total
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY t.tested_on DESC, t.created_at DESC, t.id
        LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
      p.values,
    );
    return toPage(rows.map(toInteropView), rows[0]?.total ?? 0, q);
  }

  /**
   * The standards that have tested-together records: how many records and pairs, how many
   * are due a retest, and the latest test date (one aggregate statement).
   */
  async standards(): Promise<InteropStandardSummary[]> {
    const rows: InteropStandardSummary[] = await this.db.query(
      `SELECT s.id, s.code, s.version, s.name, count(*)::int AS records,
              count(DISTINCT (${PAIR}))::int AS pairs,
              count(*) FILTER (WHERE t.retest_due)::int AS "retestDue",
              max(t.tested_on)::text AS "latestTestedOn"
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        GROUP BY s.id ORDER BY s.code, s.version`,
    );
    return rows;
  }

  async get(id: string, m: EntityManager = this.db.manager): Promise<InteropTestViewDto> {
    const [row]: InteropRow[] = await m.query(
      `SELECT ${VIEW_COLUMNS} FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        WHERE t.id = $1`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Tested-together record', id);
    return toInteropView(row);
  }

  /** The latest record of every pair tested against the standard (one statement). */
  async matrix(standardId: string): Promise<InteropMatrixViewDto> {
    const [standard] = await this.db.query<
      { id: string; code: string; version: string; name: string }[]
    >(`SELECT id, code, version, name FROM standards WHERE id = $1`, [standardId]);
    if (!standard) throw ProblemException.notFound('Standard', standardId);
    const rows: InteropRow[] = await this.db.query(
      `SELECT DISTINCT ON (${PAIR}) ${VIEW_COLUMNS}
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        WHERE t.standard_id = $1
        ORDER BY ${PAIR}, t.tested_on DESC, t.created_at DESC`,
      [standardId],
    );
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
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO interop_tests (standard_id, party_a_type, party_a_id, party_a_role,
                party_b_type, party_b_id, party_b_role, cases, result, tested_on, evidence_url,
                witness, expires_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                 CASE WHEN $13::boolean THEN $14::date ELSE $10::date + 365 END)
         RETURNING id`,
        [
          dto.standardId,
          dto.partyA.type,
          dto.partyA.id,
          dto.partyA.role,
          dto.partyB.type,
          dto.partyB.id,
          dto.partyB.role,
          JSON.stringify(dto.cases),
          overallResult(dto.cases),
          dto.testedOn,
          dto.evidenceUrl ?? '',
          dto.witness,
          dto.expiresOn !== undefined,
          dto.expiresOn ?? null,
        ],
      );
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
    const [r]: { standard: boolean; a: string | null; b: string | null }[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM standards WHERE id = $1) AS standard,
              ${partyNameSql('$2::text', '$3::uuid')} AS a, ${partyNameSql('$4::text', '$5::uuid')} AS b`,
      [dto.standardId, dto.partyA.type, dto.partyA.id, dto.partyB.type, dto.partyB.id],
    );
    const errors: FieldError[] = [];
    if (!r.standard) errors.push({ field: 'standardId', message: 'no such standard' });
    if (r.a === null) errors.push({ field: 'partyA.id', message: `no such ${dto.partyA.type}` });
    if (r.b === null) errors.push({ field: 'partyB.id', message: `no such ${dto.partyB.type}` });
    if (errors.length > 0) {
      throw ProblemException.unprocessable('unknown_reference', 'Unknown references', { errors });
    }
  }
}
