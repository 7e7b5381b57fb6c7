import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Benefits a supplier owns whose computed status moved in the last week: the latest move
 * of each, "on_track → at_risk", so the owner sees it on the weekly digest.
 */
@Injectable()
export class BenefitStatusSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: { supplier_id: string; benefit_id: string; title: string; due: string }[] =
      await this.db.query(
        `SELECT DISTINCT ON (b.id) b.owner_organisation_id AS supplier_id, b.id AS benefit_id,
                'Benefit status: ' || b.title || ' moved from ' || replace(c.from_status, '_', ' ')
                  || ' to ' || replace(c.to_status, '_', ' ') AS title,
                to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS due
           FROM benefit_status_changes c
           JOIN benefits b ON b.id = c.benefit_id
           JOIN organisations s ON s.id = b.owner_organisation_id AND s.type = 'SUPPLIER'
          WHERE c.changed_at > $1 AND c.changed_at <= $2
          ORDER BY b.id, c.changed_at DESC`,
        [new Date(now.getTime() - WEEK_MS), now],
      );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'benefit_status',
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/benefits/${r.benefit_id}`,
    }));
  }
}
