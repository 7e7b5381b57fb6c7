import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { RequirementLevel } from './requirement-lifecycle.js';
import { RequirementSet } from './requirement-set.entity.js';

/** One minimum functional requirement (e.g. ADM-014) within one version of a set. */
@Entity({ name: 'requirements' })
@Index('ux_requirements_set_code', ['requirementSetId', 'code'], { unique: true })
export class Requirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  requirementSetId: string;

  @ManyToOne(() => RequirementSet, { onDelete: 'CASCADE' })
  requirementSet: Relation<RequirementSet>;

  @Column('text')
  code: string;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  level: RequirementLevel;

  @Column('text', { default: '' })
  category: string;

  @Column('text', { default: '' })
  acceptanceCriteria: string;

  /** Order within the set, from 1. */
  @Column('int')
  position: number;
}
