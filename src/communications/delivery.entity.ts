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
 * One communication to one contact on one channel: the outbox row its job is enqueued
 * from (jobId = id) and the record of what happened. Unique per communication × contact ×
 * channel, so a repeated fan-out cannot duplicate it.
 */
@Entity({ name: 'deliveries' })
@Unique('ux_deliveries_recipient', ['communicationId', 'contactId', 'channel'])
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

  @Column('uuid')
  contactId: string;

  @ManyToOne(() => SupplierContact, { onDelete: 'CASCADE' })
  contact: Relation<SupplierContact>;

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
