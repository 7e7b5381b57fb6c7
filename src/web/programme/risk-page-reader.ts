import { Injectable } from '@nestjs/common';
import { type RiskOptionsRow, RiskNamesRepository } from '../../risks/risk-names.repository.js';

export type RiskFormOptions = RiskOptionsRow;

/** What the register's pages name: the ids a risk view carries, as words. */
export interface RiskNames {
  users: Map<string, string>;
  organisations: Map<string, string>;
  services: Map<string, string>;
}

/**
 * Names and choices for the risk register's pages, each one statement whatever the
 * number of risks shown: the filters' and forms' options (services, suppliers, the
 * organisations owning entries), and the names behind a page of risk views' ids.
 */
@Injectable()
export class RiskPageReader {
  constructor(private readonly repo: RiskNamesRepository) {}

  options(): Promise<RiskFormOptions> {
    return this.repo.options();
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
    const rows = await this.repo.names([...users], [...orgs], [...services]);
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
