import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlParams } from '../common/sql/sql-params.js';
import type { CreateInteropTestDto } from './dto/create-interop-test.dto.js';
import type { InteropQueryDto } from './dto/interop-query.dto.js';
import type { CaseResult, RetestReason } from './interop-rule.js';
import { type InteropRow, partyNameSql, VIEW_COLUMNS } from './interop-views.js';

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

export interface StandardRow {
  id: string;
  code: string;
  version: string;
  name: string;
}

/** Whether the standard exists and each party's name (null when it does not exist). */
export interface ReferencesRow {
  standard: boolean;
  a: string | null;
  b: string | null;
}

const PAIR = `LEAST(t.party_a_id, t.party_b_id), GREATEST(t.party_a_id, t.party_b_id)`;

/** Tested-together records (`interop_tests`) joined to their standard. */
@Injectable()
export class InteropTestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(q: InteropQueryDto): Promise<(InteropRow & { total: number })[]> {
    const p = new SqlParams();
    const where: string[] = [];
    if (q.standardId) where.push(`t.standard_id = ${p.add(q.standardId)}`);
    if (q.partyId) {
      const id = p.add(q.partyId);
      where.push(`(t.party_a_id = ${id} OR t.party_b_id = ${id})`);
    }
    if (q.retestDue !== undefined) where.push(`t.retest_due = ${p.add(q.retestDue)}`);
    return this.db.query(
      `SELECT ${VIEW_COLUMNS}, count(*) OVER ()::int AS total
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY t.tested_on DESC, t.created_at DESC, t.id
        LIMIT ${p.add(q.limit)} OFFSET ${p.add(q.offset)}`,
      p.values,
    );
  }

  /** One aggregate statement over the standards that have records. */
  async standards(): Promise<InteropStandardSummary[]> {
    return this.db.query(
      `SELECT s.id, s.code, s.version, s.name, count(*)::int AS records,
              count(DISTINCT (${PAIR}))::int AS pairs,
              count(*) FILTER (WHERE t.retest_due)::int AS "retestDue",
              max(t.tested_on)::text AS "latestTestedOn"
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        GROUP BY s.id ORDER BY s.code, s.version`,
    );
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<InteropRow | undefined> {
    const [row]: InteropRow[] = await m.query(
      `SELECT ${VIEW_COLUMNS} FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        WHERE t.id = $1`,
      [id],
    );
    return row;
  }

  async standard(id: string): Promise<StandardRow | undefined> {
    const [standard] = await this.db.query<StandardRow[]>(
      `SELECT id, code, version, name FROM standards WHERE id = $1`,
      [id],
    );
    return standard;
  }

  /** The latest record of every pair tested against the standard (one statement). */
  async latestPerPair(standardId: string): Promise<InteropRow[]> {
    return this.db.query(
      `SELECT DISTINCT ON (${PAIR}) ${VIEW_COLUMNS}
         FROM interop_tests t JOIN standards s ON s.id = t.standard_id
        WHERE t.standard_id = $1
        ORDER BY ${PAIR}, t.tested_on DESC, t.created_at DESC`,
      [standardId],
    );
  }

  async references(m: EntityManager, dto: CreateInteropTestDto): Promise<ReferencesRow> {
    const [r]: ReferencesRow[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM standards WHERE id = $1) AS standard,
              ${partyNameSql('$2::text', '$3::uuid')} AS a, ${partyNameSql('$4::text', '$5::uuid')} AS b`,
      [dto.standardId, dto.partyA.type, dto.partyA.id, dto.partyB.type, dto.partyB.id],
    );
    return r;
  }

  /** Records a test (expiring a year after it unless given); its id. */
  async add(m: EntityManager, dto: CreateInteropTestDto, result: CaseResult): Promise<string> {
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
        result,
        dto.testedOn,
        dto.evidenceUrl ?? '',
        dto.witness,
        dto.expiresOn !== undefined,
        dto.expiresOn ?? null,
      ],
    );
    return id;
  }

  /** Marks the product's records not yet due; the ids marked. */
  async markProductRetest(
    m: EntityManager,
    reason: RetestReason,
    productId: string,
  ): Promise<string[]> {
    return this.markRetest(
      m,
      reason,
      `(t.party_a_type = 'product' AND t.party_a_id = $2)
        OR (t.party_b_type = 'product' AND t.party_b_id = $2)`,
      [productId],
    );
  }

  /** Marks the records of the standard's other versions not yet due; the ids marked. */
  async markStandardRetest(
    m: EntityManager,
    reason: RetestReason,
    code: string,
    standardId: string,
  ): Promise<string[]> {
    return this.markRetest(
      m,
      reason,
      `t.standard_id IN (SELECT s.id FROM standards s WHERE s.code = $2 AND s.id <> $3)`,
      [code, standardId],
    );
  }

  /** `where` filters `interop_tests t`; `$1` is the reason, `params` bind from `$2`. */
  private async markRetest(
    m: EntityManager,
    reason: RetestReason,
    where: string,
    params: unknown[],
  ): Promise<string[]> {
    const [rows]: [{ id: string }[]] = await m.query(
      `UPDATE interop_tests t
          SET retest_due = true, retest_reason = $1, retest_due_at = now(),
              version = t.version + 1, updated_at = now()
        WHERE NOT t.retest_due AND (${where})
      RETURNING t.id`,
      [reason, ...params],
    );
    return rows.map((r) => r.id);
  }
}
