import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

/**
 * Relationship check-ins past their due date that the supplier has not answered, on that
 * supplier's digest. One query for every supplier.
 */
@Injectable()
export class OverdueCheckInsSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: { supplier_id: string; id: string; due: string }[] = await this.db.query(
      `SELECT ci.organisation_id AS supplier_id, ci.id, ci.due_on::text AS due
         FROM check_ins ci
         JOIN organisations o ON o.id = ci.organisation_id AND o.type = 'SUPPLIER'
        WHERE ci.partner_answered_at IS NULL
          AND ci.due_on < ($1::timestamptz AT TIME ZONE 'UTC')::date
        ORDER BY ci.organisation_id, ci.due_on, ci.id`,
      [now],
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'check_in_overdue',
      title: 'Relationship check-in overdue: answer your half',
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/supplier/check-ins/${r.id}`,
    }));
  }
}
