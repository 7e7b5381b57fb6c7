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
import type { DeliveryModel, ServiceStatus } from './service-lifecycle.js';

/**
 * A national digital service the programme delivers (e.g. online school admissions),
 * led by an agency, delivered by each council or as a shared service.
 */
@Entity({ name: 'services' })
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_services_code', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Index('ix_services_lead_agency')
  @Column('uuid')
  leadAgencyId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  leadAgency: Relation<Organisation>;

  @Index('ix_services_delivery_model')
  @Column('text')
  deliveryModel: DeliveryModel;

  @Index('ix_services_status')
  @Column('text')
  status: ServiceStatus;

  /**
   * Scope: the councils that must adopt the service — every council of these nations,
   * plus the members of these council groups, plus these councils. Empty: none.
   */
  @Column('text', { array: true, default: () => "'{}'" })
  scopeNations: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  scopeGroupIds: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  scopeCouncilIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
