import {
  Check,
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
import { Service } from '../catalogue/service.entity.js';
import { SharedService } from '../catalogue/shared-service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Product } from '../products/product.entity.js';
import type { AdoptionStage, RouteType } from './adoption-stage.js';

/**
 * Council × service, one row each: the delivery route (a product or a shared service, or
 * none yet), the stage, target dates per stage and the go-live date.
 */
@Entity({ name: 'adoptions' })
@Index('ux_adoptions_council_service', ['councilId', 'serviceId'], { unique: true })
@Index('ix_adoptions_service_stage', ['serviceId', 'stage'])
@Check(
  'ck_adoptions_route',
  `(route_type IS NULL AND product_id IS NULL AND shared_service_id IS NULL)
    OR (route_type = 'product' AND product_id IS NOT NULL AND shared_service_id IS NULL)
    OR (route_type = 'shared_service' AND shared_service_id IS NOT NULL AND product_id IS NULL)`,
)
export class Adoption {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  councilId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  council: Relation<Organisation>;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @Column('text', { nullable: true })
  routeType: RouteType | null;

  @Index('ix_adoptions_product', { where: 'product_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  productId: string | null;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  product: Relation<Product> | null;

  @Index('ix_adoptions_shared_service', { where: 'shared_service_id IS NOT NULL' })
  @Column('uuid', { nullable: true })
  sharedServiceId: string | null;

  @ManyToOne(() => SharedService, { onDelete: 'RESTRICT' })
  sharedService: Relation<SharedService> | null;

  @Index('ix_adoptions_stage')
  @Column('text', { default: 'not_started' })
  stage: AdoptionStage;

  @Column('timestamptz', { default: () => 'now()' })
  stageEnteredAt: Date;

  /** Target date per stage, e.g. `{ "live": "2027-09-01" }`. */
  @Column('jsonb', { default: () => "'{}'" })
  targetDates: Partial<Record<AdoptionStage, string>>;

  @Column('date', { nullable: true })
  goLiveDate: string | null;

  @Column('text', { default: '' })
  notes: string;

  /** Set by knock-on events (product suspended, certificate expired or revoked). */
  @Index('ix_adoptions_attention', { where: 'attention_required' })
  @Column('boolean', { default: false })
  attentionRequired: boolean;

  @Column('text', { nullable: true })
  attentionReason: string | null;

  /**
   * When the system withdrew the adoption because the council left the service's scope
   * (null otherwise). Only such adoptions are reopened when the council comes back.
   */
  @Column('timestamptz', { nullable: true })
  scopeWithdrawnAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
