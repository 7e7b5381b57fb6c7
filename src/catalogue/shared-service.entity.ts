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
import { Service } from './service.entity.js';

/**
 * One hosted instance of a service, operated by a supplier or a lead council, serving
 * member councils (e.g. the London admissions service for the 33 London councils).
 */
@Entity({ name: 'shared_services' })
export class SharedService {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_shared_services_name', { unique: true })
  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Index('ix_shared_services_service')
  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @Index('ix_shared_services_operator')
  @Column('uuid')
  operatorId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  operator: Relation<Organisation>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
