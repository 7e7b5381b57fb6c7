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
import { GovernanceGroup } from './governance-group.entity.js';

/** One agenda item: its owner and the links to its papers. */
export interface AgendaItem {
  title: string;
  owner: string;
  paperLinks: string[];
}

/** A meeting of a governance group: agenda, attendees, minutes (actions in meeting_actions). */
@Entity({ name: 'meetings' })
@Index('ix_meetings_group_starts', ['groupId', 'startsAt'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  groupId: string;

  @ManyToOne(() => GovernanceGroup, { onDelete: 'CASCADE' })
  group: Relation<GovernanceGroup>;

  @Column('text')
  title: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('jsonb', { default: () => "'[]'" })
  agendaItems: AgendaItem[];

  @Column('text', { array: true, default: () => "'{}'" })
  attendees: string[];

  @Column('text', { default: '' })
  minutes: string;

  @Index('ux_meetings_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
