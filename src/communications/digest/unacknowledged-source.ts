import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AckLinkSigner } from '../ack-link-signer.js';
import { isoDate } from '../communication-views.js';
import type { DigestItem, DigestItemSource } from './digest-item.js';

const NEAR_DAYS = 7;

/**
 * Communications a supplier has not acknowledged whose acknowledge-by date is past or
 * within a week; the item links to the signed acknowledgement link.
 */
@Injectable()
export class UnacknowledgedSource implements DigestItemSource {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly links: AckLinkSigner,
  ) {}

  async items(now: Date): Promise<DigestItem[]> {
    const rows: {
      communication_id: string;
      supplier_id: string;
      contact_id: string;
      subject: string;
      acknowledge_by: Date;
    }[] = await this.db.query(
      `SELECT c.id AS communication_id, r.supplier_id, r.contact_id,
              c.subject_template AS subject, c.acknowledge_by
         FROM communications c
         JOIN LATERAL (SELECT DISTINCT ON (d.supplier_id) d.supplier_id, d.contact_id
                         FROM deliveries d
                        WHERE d.communication_id = c.id AND d.contact_id IS NOT NULL
                        ORDER BY d.supplier_id, d.contact_id) r ON true
        WHERE c.status = 'sent' AND c.kind <> 'digest'
          AND c.acknowledge_by < $1::timestamptz + make_interval(days => $2)
          AND NOT EXISTS (SELECT 1 FROM acknowledgements a
                           WHERE a.communication_id = c.id AND a.supplier_id = r.supplier_id)
        ORDER BY c.acknowledge_by, c.id`,
      [now, NEAR_DAYS],
    );
    return rows.map((r) => ({
      supplierId: r.supplier_id,
      kind: 'acknowledgement',
      title: `Acknowledge: ${r.subject}`,
      due: isoDate(r.acknowledge_by),
      link: this.links.link(r.communication_id, r.supplier_id, r.contact_id),
    }));
  }
}
