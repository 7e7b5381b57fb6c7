import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  adoptionsSql,
  certifiedProductsSql,
  COUNCILS_SQL,
  LAST_CHANGE_SQL,
  rolloutSql,
} from './public-queries.js';
import type {
  PublicAdoption,
  PublicAreaRollout,
  PublicCertifiedProduct,
  PublicCouncil,
  PublicServiceRollout,
  PublicTrendMonth,
} from './public-views.js';

export interface RolloutRow {
  by_service: PublicServiceRollout[];
  by_area: PublicAreaRollout[];
  trend: PublicTrendMonth[];
}

export interface LastChangeRow {
  changed_at: Date | null;
  counts: string;
}

/** The public views' statements (public-queries.ts) over the whole database. */
@Injectable()
export class PublicRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async rollout(trendMonths: number): Promise<RolloutRow> {
    const [row] = await this.db.query<RolloutRow[]>(rolloutSql(trendMonths));
    return row;
  }

  adoptions(): Promise<PublicAdoption[]> {
    return this.db.query<PublicAdoption[]>(adoptionsSql());
  }

  certifiedProducts(): Promise<PublicCertifiedProduct[]> {
    return this.db.query<PublicCertifiedProduct[]>(certifiedProductsSql());
  }

  councils(): Promise<PublicCouncil[]> {
    return this.db.query<PublicCouncil[]>(COUNCILS_SQL);
  }

  async lastChange(): Promise<LastChangeRow> {
    const [row] = await this.db.query<LastChangeRow[]>(LAST_CHANGE_SQL);
    return row;
  }
}
