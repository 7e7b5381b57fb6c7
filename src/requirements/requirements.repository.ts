import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequirementDto } from './dto/requirement.dto.js';
import { REQUIREMENT_COLUMNS, type RequirementView } from './requirement-views.js';

/** Rows per INSERT statement: 7 array parameters each, so no parameter limit applies. */
export const REQUIREMENT_INSERT_CHUNK = 1000;

/** The content columns of a requirement, in the order `update` binds them. */
export interface RequirementContent {
  title: string;
  description: string;
  level: string;
  category: string;
  acceptanceCriteria: string;
}

/** The requirements of a set, in position order. */
@Injectable()
export class RequirementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOfSet(id: string, m: EntityManager = this.db.manager): Promise<RequirementView[]> {
    return m.query<RequirementView[]>(
      `SELECT ${REQUIREMENT_COLUMNS} FROM requirements WHERE requirement_set_id = $1 ORDER BY position`,
      [id],
    );
  }

  async findByCode(m: EntityManager, setId: string, code: string): Promise<RequirementView | null> {
    const [row] = await m.query<RequirementView[]>(
      `SELECT ${REQUIREMENT_COLUMNS} FROM requirements WHERE requirement_set_id = $1 AND code = $2`,
      [setId, code],
    );
    return row ?? null;
  }

  async updateByCode(
    m: EntityManager,
    setId: string,
    code: string,
    content: RequirementContent,
  ): Promise<RequirementView> {
    const [[saved]] = await m.query<[RequirementView[], number]>(
      `UPDATE requirements SET title = $3, description = $4, level = $5, category = $6,
              acceptance_criteria = $7
        WHERE requirement_set_id = $1 AND code = $2 RETURNING ${REQUIREMENT_COLUMNS}`,
      [
        setId,
        code,
        content.title,
        content.description,
        content.level,
        content.category,
        content.acceptanceCriteria,
      ],
    );
    return saved;
  }

  /** How many requirements a set holds and its last position. */
  async countAndLast(m: EntityManager, setId: string): Promise<{ n: number; last: number }> {
    const [row] = await m.query<{ n: number; last: number }[]>(
      `SELECT count(*)::int AS n, coalesce(max(position), 0)::int AS last
         FROM requirements WHERE requirement_set_id = $1`,
      [setId],
    );
    return row;
  }

  async deleteByCode(
    m: EntityManager,
    setId: string,
    code: string,
  ): Promise<RequirementView | undefined> {
    const [[removed]] = await m.query<[RequirementView[], number]>(
      `DELETE FROM requirements WHERE requirement_set_id = $1 AND code = $2
       RETURNING ${REQUIREMENT_COLUMNS}`,
      [setId, code],
    );
    return removed;
  }

  async deleteOfSet(m: EntityManager, setId: string): Promise<void> {
    await m.query(`DELETE FROM requirements WHERE requirement_set_id = $1`, [setId]);
  }

  /** Copies every requirement of `fromId` into `toId`; the number copied. */
  async copy(m: EntityManager, fromId: string, toId: string): Promise<number> {
    const copied = await m.query<{ id: string }[]>(
      `INSERT INTO requirements
         (requirement_set_id, code, title, description, level, category, acceptance_criteria, position)
       SELECT $2, code, title, description, level, category, acceptance_criteria, position
         FROM requirements WHERE requirement_set_id = $1 RETURNING id`,
      [fromId, toId],
    );
    return copied.length;
  }

  /**
   * Inserts requirements in chunks of REQUIREMENT_INSERT_CHUNK rows, one `unnest` statement
   * per chunk, positions following the array order (after `startPosition`).
   */
  async add(
    m: EntityManager,
    setId: string,
    items: RequirementDto[],
    startPosition = 0,
  ): Promise<RequirementView[]> {
    const inserted: RequirementView[] = [];
    for (let i = 0; i < items.length; i += REQUIREMENT_INSERT_CHUNK) {
      const chunk = items.slice(i, i + REQUIREMENT_INSERT_CHUNK);
      const rows = await m.query<RequirementView[]>(
        `INSERT INTO requirements
           (requirement_set_id, code, title, description, level, category, acceptance_criteria, position)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                  $7::text[], $8::int[])
         RETURNING ${REQUIREMENT_COLUMNS}`,
        [
          setId,
          chunk.map((r) => r.code),
          chunk.map((r) => r.title),
          chunk.map((r) => r.description ?? ''),
          chunk.map((r) => r.level),
          chunk.map((r) => r.category ?? ''),
          chunk.map((r) => r.acceptanceCriteria ?? ''),
          chunk.map((_, j) => startPosition + i + j + 1),
        ],
      );
      inserted.push(...rows);
    }
    return inserted.sort((a, b) => a.position - b.position);
  }
}
