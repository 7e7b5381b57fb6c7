import {
  Column,
  CreateDateColumn,
  Entity,
  JoinTable,
  ManyToMany,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from './organisation.entity.js';

/** A named set of councils (e.g. "London boroughs") for shared services and targeting. */
@Entity({ name: 'council_groups' })
export class CouncilGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  name: string;

  @Column('text', { default: '' })
  description: string;

  @ManyToMany(() => Organisation)
  @JoinTable({
    name: 'council_group_members',
    joinColumn: { name: 'group_id' },
    inverseJoinColumn: { name: 'council_id' },
  })
  members: Relation<Organisation[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
