import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type DeepPartial, type EntityManager } from 'typeorm';
import { CouncilGroup } from './council-group.entity.js';
import { Organisation } from './organisation.entity.js';

export interface CouncilGroupRow {
  id: string;
  name: string;
  description: string;
  memberCount: number;
}

@Injectable()
export class CouncilGroupsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async page(limit: number, offset: number): Promise<[CouncilGroupRow[], number]> {
    const [rows, [{ total }]] = await Promise.all([
      this.db.query<CouncilGroupRow[]>(
        `SELECT g.id, g.name, g.description, count(m.council_id)::int AS "memberCount"
           FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
          GROUP BY g.id ORDER BY g.name LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM council_groups`),
    ]);
    return [rows, total];
  }

  async get(id: string): Promise<CouncilGroupRow | undefined> {
    const [row] = await this.db.query<CouncilGroupRow[]>(
      `SELECT g.id, g.name, g.description, count(m.council_id)::int AS "memberCount"
         FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
        WHERE g.id = $1 GROUP BY g.id`,
      [id],
    );
    return row;
  }

  membersPage(id: string, skip: number, take: number): Promise<[Organisation[], number]> {
    return this.db
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .innerJoin('council_group_members', 'm', 'm.council_id = o.id AND m.group_id = :id', { id })
      .orderBy('o.gss_code')
      .skip(skip)
      .take(take)
      .getManyAndCount();
  }

  /** The council ids of a group (none when it has no members); undefined for no such group. */
  async memberIds(groupId: string): Promise<string[] | undefined> {
    const [group] = await this.db.query<{ ids: string[] }[]>(
      `SELECT array_remove(array_agg(m.council_id), NULL) AS ids
         FROM council_groups g LEFT JOIN council_group_members m ON m.group_id = g.id
        WHERE g.id = $1 GROUP BY g.id`,
      [groupId],
    );
    return group?.ids;
  }

  /** Those of the given ids that are council groups. */
  async existingIds(ids: string[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(
      `SELECT id FROM council_groups WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  existsByName(name: string): Promise<boolean> {
    return this.db.getRepository(CouncilGroup).existsBy({ name });
  }

  create(m: EntityManager, group: DeepPartial<CouncilGroup>): Promise<CouncilGroup> {
    return m.save(m.create(CouncilGroup, group));
  }

  /** Adds members (one statement); returns the ids that were not members before. */
  async insertMembers(m: EntityManager, groupId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await m.query<{ council_id: string }[]>(
      `INSERT INTO council_group_members (group_id, council_id)
       SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING council_id`,
      [groupId, ids],
    );
    return rows.map((r) => r.council_id);
  }

  /** Whether the council was a member. */
  async removeMember(m: EntityManager, id: string, councilId: string): Promise<boolean> {
    const { affected } = await m
      .createQueryBuilder()
      .delete()
      .from('council_group_members')
      .where('group_id = :id AND council_id = :councilId', { id, councilId })
      .execute();
    return !!affected;
  }
}
