import { Injectable } from '@nestjs/common';
import { SupplierContactsService } from './supplier-contacts.service.js';

/**
 * The people at a council who receive programme notices (knock-on notices when a route
 * product or certificate fails, council communications), with their topics. The same
 * table and rules as suppliers' contacts; a council user manages only its own.
 */
@Injectable()
export class CouncilContactsService extends SupplierContactsService {
  protected override readonly organisationType = 'COUNCIL' as const;
  protected override readonly kind = 'council_contact';
}
