import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import type { ProductStatus } from './product-lifecycle.js';

/**
 * A supplier's product (e.g. "Northwind Admissions 4.2") and the services it claims to
 * deliver (`product_services`). `productVersion` is the supplier's release label;
 * `version` is the optimistic-concurrency counter, as on every mutable record.
 */
@Entity({ name: 'products' })
@Index('ux_products_supplier_name_release', ['supplierId', 'name', 'productVersion'], {
  unique: true,
})
export class Product {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_products_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  supplier: Relation<Organisation>;

  @Column('text')
  name: string;

  @Column('text')
  productVersion: string;

  @Column('text', { default: '' })
  description: string;

  @Index('ix_products_status')
  @Column('text', { default: 'draft' })
  status: ProductStatus;

  /** Why the programme office put it in remediation, suspended or unpublished it. */
  @Column('text', { nullable: true })
  statusReason: string | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  /** Stable key of a demo-seeded product, so seeding twice inserts nothing; null otherwise. */
  @Index('ux_products_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
