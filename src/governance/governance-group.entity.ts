import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A governance group: the programme board, the supplier forum, the design authority… */
@Entity({ name: 'governance_groups' })
export class GovernanceGroup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ux_governance_groups_name', { unique: true })
  @Column('text')
  name: string;

  @Column('text', { default: '' })
  description: string;

  @Index('ux_governance_groups_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
