import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

/**
 * Open governance meeting actions past their due date, on the digest of every supplier that
 * sits in the meeting's group (actions have a named owner, not an organisation, so the
 * group's supplier members are the ones to chase them). One query for every supplier.
 */
@Injectable()
export class OverdueMeetingActionsSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: { supplier_id: string; meeting_id: string; title: string; due: string }[] =
      await this.db.query(
        `SELECT gm.organisation_id AS supplier_id, mt.id AS meeting_id,
                'Overdue action from ' || mt.title || ': ' || a.title || ' (' || a.owner || ')' AS title,
                a.due_date::text AS due
           FROM meeting_actions a
           JOIN meetings mt ON mt.id = a.meeting_id
           JOIN governance_group_members gm ON gm.group_id = mt.group_id
           JOIN organisations o ON o.id = gm.organisation_id AND o.type = 'SUPPLIER'
          WHERE a.status = 'open' AND a.due_date < ($1::timestamptz AT TIME ZONE 'UTC')::date
          ORDER BY gm.organisation_id, a.due_date, a.id`,
        [now],
      );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'meeting_action_overdue',
      title: r.title,
      due: r.due,
      link: `${this.config.PUBLIC_BASE_URL}/api/v1/meetings/${r.meeting_id}`,
    }));
  }
}
