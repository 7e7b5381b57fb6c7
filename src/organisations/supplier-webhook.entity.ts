import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  OneToOne,
  PrimaryColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from './organisation.entity.js';

/**
 * A supplier's webhook endpoint. The signing secret is stored encrypted (AES-256-GCM);
 * after a rotation the previous secret stays valid until `previousSecretExpiresAt`.
 */
@Entity({ name: 'supplier_webhooks' })
export class SupplierWebhook {
  @PrimaryColumn('uuid')
  supplierId: string;

  @OneToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier: Relation<Organisation>;

  @Column('text')
  url: string;

  @Column('text')
  secretEncrypted: string;

  @Column('text', { nullable: true })
  previousSecretEncrypted: string | null;

  @Column('timestamptz', { nullable: true })
  previousSecretExpiresAt: Date | null;

  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
