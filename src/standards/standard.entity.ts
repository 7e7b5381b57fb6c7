import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import type { StandardStatus } from './standard-lifecycle.js';

/**
 * One version of an interoperability or data standard, owned by an agency or the
 * programme office, governing some services. An optional JSON Schema (draft 2020-12)
 * makes conformance testable: sample payloads are validated against it.
 */
@Entity({ name: 'standards' })
@Index('ux_standards_code_version', ['code', 'version'], { unique: true })
export class Standard {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text')
  name: string;

  /** The standard's own version, e.g. 1.0.0 (not the row revision). */
  @Column('text')
  version: string;

  @Column('text', { default: '' })
  description: string;

  @Index('ix_standards_owner')
  @Column('uuid')
  ownerId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  owner: Relation<Organisation>;

  @Index('ix_standards_status')
  @Column('text')
  status: StandardStatus;

  /** When it became (or becomes) active. */
  @Column('date', { nullable: true })
  effectiveFrom: string | null;

  @Column('date', { nullable: true })
  deprecatedFrom: string | null;

  @Column('date', { nullable: true })
  retiredFrom: string | null;

  @Column('jsonb', { nullable: true })
  jsonSchema: Record<string, unknown> | null;

  @ManyToMany(() => Service)
  @JoinTable({
    name: 'standard_services',
    joinColumn: { name: 'standard_id' },
    inverseJoinColumn: { name: 'service_id' },
  })
  services: Relation<Service[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic concurrency; also keys the compiled-schema cache. */
  @VersionColumn({ default: 1 })
  revision: number;
}
