import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface Option {
  value: string;
  text: string;
}

export interface RiskFormOptions {
  services: Option[];
  suppliers: Option[];
  owners: Option[];
}

/** What the register's pages name: the ids a risk view carries, as words. */
export interface RiskNames {
  users: Map<string, string>;
  organisations: Map<string, string>;
  services: Map<string, string>;
}

interface NameRow {
  kind: 'user' | 'organisation' | 'service';
  id: string;
  name: string;
}

/**
 * Names and choices for the risk register's pages, each one statement whatever the
 * number of risks shown: the filters' and forms' options (services, suppliers, the
 * organisations owning entries), and the names behind a page of risk views' ids.
 */
@Injectable()
export class RiskPageReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async options(): Promise<RiskFormOptions> {
    const [row] = await this.db.query<RiskFormOptions[]>(
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

  async names(
    views: {
      ownerUserId: string | null;
      ownerOrganisationId: string;
      serviceId: string | null;
      supplierId: string | null;
      councilId: string | null;
    }[],
    extraUserIds: (string | null)[] = [],
  ): Promise<RiskNames> {
    const users = new Set<string>();
    const orgs = new Set<string>();
    const services = new Set<string>();
    for (const v of views) {
      if (v.ownerUserId) users.add(v.ownerUserId);
      for (const o of [v.ownerOrganisationId, v.supplierId, v.councilId]) if (o) orgs.add(o);
      if (v.serviceId) services.add(v.serviceId);
    }
    for (const u of extraUserIds) if (u) users.add(u);
    const names: RiskNames = { users: new Map(), organisations: new Map(), services: new Map() };
    if (users.size + orgs.size + services.size === 0) return names;
    const rows = await this.db.query<NameRow[]>(
      `SELECT 'user' AS kind, u.id, u.display_name AS name FROM users u WHERE u.id = ANY($1::uuid[])
       UNION ALL
       SELECT 'organisation', o.id, o.name FROM organisations o WHERE o.id = ANY($2::uuid[])
       UNION ALL
       SELECT 'service', s.id, s.code || ' – ' || s.name FROM services s WHERE s.id = ANY($3::uuid[])`,
      [[...users], [...orgs], [...services]],
    );
    for (const r of rows) {
      const map =
        r.kind === 'user'
          ? names.users
          : r.kind === 'service'
            ? names.services
            : names.organisations;
      map.set(r.id, r.name);
    }
    return names;
  }
}
