import { AuditEvent } from '../audit/audit-event.entity.js';
import { ApiToken } from '../auth/api-token.entity.js';
import { Acknowledgement } from '../communications/acknowledgement.entity.js';
import { Communication } from '../communications/communication.entity.js';
import { Delivery } from '../communications/delivery.entity.js';
import { User } from '../auth/user.entity.js';
import { CouncilGroup } from '../organisations/council-group.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { SupplierContact } from '../organisations/supplier-contact.entity.js';
import { SupplierWebhook } from '../organisations/supplier-webhook.entity.js';
import { OutboxMessage } from '../queue/outbox-message.entity.js';

/**
 * Every TypeORM entity, listed explicitly (globs do not work under ESM + Jest).
 * `entities.spec.ts` fails when an `*.entity.ts` file is missing here.
 */
export const ENTITIES = [
  OutboxMessage,
  AuditEvent,
  Organisation,
  CouncilGroup,
  SupplierContact,
  SupplierWebhook,
  User,
  ApiToken,
  Communication,
  Delivery,
  Acknowledgement,
];
