import { Injectable } from '@nestjs/common';
import {
  type AudienceOptions,
  type SupplierCommunicationRow,
  type SupplierProductRow,
  SupplierOverviewRepository,
  type SupplierRow,
  type SupplierSubmissionRow,
} from './supplier-overview.repository.js';

/**
 * Programme staff's read model of suppliers for the programme pages
 * (`SupplierOverviewRepository`: each part one statement). Access is the caller's.
 */
@Injectable()
export class SupplierOverviewService {
  constructor(private readonly overview: SupplierOverviewRepository) {}

  /** Suppliers by name (optionally those whose name contains `search`), with counts. */
  list(
    search: string | undefined,
    limit: number,
    offset: number,
  ): Promise<{ rows: SupplierRow[]; total: number }> {
    return this.overview.list(search, limit, offset);
  }

  /** The newest communications delivered to the supplier, with its acknowledgement. */
  communications(supplierId: string, limit?: number): Promise<SupplierCommunicationRow[]> {
    return this.overview.communications(supplierId, limit);
  }

  /** Submissions not finally decided (decided with changes requested stays open). */
  openSubmissions(supplierId: string): Promise<SupplierSubmissionRow[]> {
    return this.overview.openSubmissions(supplierId);
  }

  /** The supplier's products, each with its certificates (newest expiry first). */
  products(supplierId: string): Promise<SupplierProductRow[]> {
    return this.overview.products(supplierId);
  }

  /** What the compose form offers: services, suppliers, council groups and regions. */
  audienceOptions(): Promise<AudienceOptions> {
    return this.overview.audienceOptions();
  }
}
