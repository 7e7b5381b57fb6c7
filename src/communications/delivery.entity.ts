import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { SupplierContact } from '../organisations/supplier-contact.entity.js';
import { Communication } from './communication.entity.js';
import type { Channel, DeliveryStatus } from './communication-status.js';

/**
 * One communication to one recipient on one channel: an email to one contact, or a
 * webhook to the organisation's endpoint (contact null: one per endpoint, however many
 * contacts it has). The outbox row its job is enqueued from (jobId = id, which is also
 * the webhook-id, stable across retries) and the record of what happened. Unique per
 * communication × contact × channel (emails) and per communication × organisation
 * (webhooks), so a repeated fan-out cannot duplicate one.
 */
@Entity({ name: 'deliveries' })
@Unique('ux_deliveries_recipient', ['communicationId', 'contactId', 'channel'])
@Index('ux_deliveries_webhook', ['communicationId', 'supplierId'], {
  unique: true,
  where: `channel = 'webhook' AND contact_id IS NULL`,
})
@Index('ix_deliveries_status_updated', ['status', 'updatedAt'])
@Index('ix_deliveries_communication_status', ['communicationId', 'status'])
@Index('ix_deliveries_supplier', ['supplierId'])
export class Delivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communicationId: string;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  communication: Relation<Communication>;

  @Column('uuid')
  supplierId: string;

  /** The contact an email goes to; null for a webhook (the organisation's endpoint). */
  @Column('uuid', { nullable: true })
  contactId: string | null;

  @ManyToOne(() => SupplierContact, { onDelete: 'CASCADE' })
  contact: Relation<SupplierContact> | null;

  @Column('text')
  channel: Channel;

  /** The email address or webhook URL at fan-out time. */
  @Column('text')
  target: string;

  @Column('text', { default: 'created' })
  status: DeliveryStatus;

  @Column('int', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  deliveredAt: Date | null;

  /**
   * While `sending`: the claim is held until then, renewed by the live worker every few
   * seconds; once it has passed, the worker is gone and the delivery may be claimed again.
   */
  @Column('timestamptz', { nullable: true })
  leaseUntil: Date | null;
}
