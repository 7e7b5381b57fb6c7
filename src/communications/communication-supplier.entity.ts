import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Communication } from './communication.entity.js';

/** A product as the templates' `{{#products}}` list shows it. */
export interface ProductItem {
  name: string;
  release: string;
  status: string;
}

/** A council as the templates' `{{#councils}}` list shows it. */
export interface CouncilItem {
  name: string;
  gssCode: string;
  region: string;
  nation: string;
}

/**
 * One recipient supplier of a sent communication, written by the fan-out with its
 * deliveries: the products and councils the audience matched it on, as its templates'
 * `products` and `councils` lists render them. A snapshot, so every delivery (and a retry
 * a week later) renders what was true when the communication was sent.
 */
@Entity({ name: 'communication_suppliers' })
export class CommunicationSupplier {
  @PrimaryColumn('uuid')
  communicationId: string;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  communication: Relation<Communication>;

  @PrimaryColumn('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  supplier: Relation<Organisation>;

  @Column('jsonb', { default: () => "'[]'" })
  products: ProductItem[];

  @Column('jsonb', { default: () => "'[]'" })
  councils: CouncilItem[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
