import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface OptionRow {
  value: string;
  text: string;
}

/** The choices the register's filters and forms offer. */
export interface RiskOptionsRow {
  services: OptionRow[];
  suppliers: OptionRow[];
  owners: OptionRow[];
}

/** The name of a user, organisation or service a risk refers to. */
export interface RiskNameRow {
  kind: 'user' | 'organisation' | 'service';
  id: string;
  name: string;
}

/** Names and choices for the register's pages, each one statement. */
@Injectable()
export class RiskNamesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async options(): Promise<RiskOptionsRow> {
    const [row] = await this.db.query<RiskOptionsRow[]>(
      `SELECT
         (SELECT coalesce(json_agg(json_build_object('value', s.id, 'text', s.code || ' – ' || s.name) ORDER BY s.code), '[]')
            FROM services s) AS services,
         (SELECT coalesce(json_agg(json_build_object('value', o.id, 'text', o.name) ORDER BY o.name), '[]')
            FROM organisations o WHERE o.type = 'SUPPLIER') AS suppliers,
         (SELECT coalesce(json_agg(json_build_object('value', o.id, 'text', o.name) ORDER BY o.name), '[]')
            FROM organisations o WHERE o.id IN (SELECT DISTINCT owner_organisation_id FROM risks)) AS owners`,
    );
    return row;
  }

  names(
    userIds: string[],
    organisationIds: string[],
    serviceIds: string[],
  ): Promise<RiskNameRow[]> {
    return this.db.query<RiskNameRow[]>(
      `SELECT 'user' AS kind, u.id, u.display_name AS name FROM users u WHERE u.id = ANY($1::uuid[])
       UNION ALL
       SELECT 'organisation', o.id, o.name FROM organisations o WHERE o.id = ANY($2::uuid[])
       UNION ALL
       SELECT 'service', s.id, s.code || ' – ' || s.name FROM services s WHERE s.id = ANY($3::uuid[])`,
      [userIds, organisationIds, serviceIds],
    );
  }
}
