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
import { Service } from '../catalogue/service.entity.js';
import type { AdoptionStage } from './adoption-stage.js';

/**
 * One item of a service's steps-to-success checklist for a stage, defined by the
 * programme office. A mandatory step must be done before an adoption moves past its stage.
 */
@Entity({ name: 'success_steps' })
@Index('ux_success_steps_service_stage_title', ['serviceId', 'stage', 'title'], { unique: true })
export class SuccessStep {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @Column('text')
  stage: AdoptionStage;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('boolean', { default: true })
  mandatory: boolean;

  /** Order within the stage's checklist. */
  @Column('int', { default: 0 })
  position: number;

  /** A retired step stays on completed checklists but is no longer required. */
  @Column('boolean', { default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
