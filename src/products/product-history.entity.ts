import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { AuditChanges } from '../audit/audit-event.entity.js';
import type { ProductStatus } from './product-lifecycle.js';
import { Product } from './product.entity.js';

/** A product's timeline: creation, edits and every publication status move, with reason. */
@Entity({ name: 'product_history' })
@Index('ix_product_history_product', ['productId', 'occurredAt'])
export class ProductHistory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'CASCADE' })
  product: Relation<Product>;

  /** created, updated, transitioned. */
  @Column('text')
  event: string;

  @Column('text', { nullable: true })
  fromStatus: ProductStatus | null;

  @Column('text', { nullable: true })
  toStatus: ProductStatus | null;

  @Column('text', { nullable: true })
  note: string | null;

  @Column('jsonb', { default: () => `'{}'` })
  changes: AuditChanges;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('text')
  actorLabel: string;

  @CreateDateColumn({ type: 'timestamptz' })
  occurredAt: Date;
}
