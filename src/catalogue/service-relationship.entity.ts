import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { RelationshipType } from './service-lifecycle.js';
import { Service } from './service.entity.js';

/**
 * A directed link between two services: `from` depends on, or exchanges data with, `to`,
 * optionally governed by a standard. The standard is referenced by entity name, not by
 * import: the standards module sits beside the catalogue and may not be imported by it.
 */
@Entity({ name: 'service_relationships' })
@Index('ux_service_relationships_edge', ['fromServiceId', 'toServiceId', 'type'], { unique: true })
export class ServiceRelationship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fromServiceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  fromService: Relation<Service>;

  @Index('ix_service_relationships_to')
  @Column('uuid')
  toServiceId: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  toService: Relation<Service>;

  @Column('text')
  type: RelationshipType;

  @Index('ix_service_relationships_standard')
  @Column('uuid', { nullable: true })
  standardId: string | null;

  @ManyToOne('Standard', { onDelete: 'RESTRICT', nullable: true })
  standard: Relation<{ id: string; code: string; name: string; version: string }> | null;

  @Column('text', { default: '' })
  description: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
