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
import { Standard } from '../standards/standard.entity.js';
import type { CaseResult, PartyRole, PartyType, RetestReason } from './interop-rule.js';

export interface InteropCase {
  code: string;
  title: string;
  result: CaseResult;
  note?: string;
}

/**
 * A "tested together" record: two parties (a product or a shared service each) tested
 * against one standard version, the roles they played, the cases with their results, who
 * witnessed it and until when it holds. `retestDue` is set by domain events (a party's
 * certificate reassessed, a new version of the standard), never by hand.
 */
@Entity({ name: 'interop_tests' })
@Index('ix_interop_tests_standard', ['standardId', 'testedOn'])
export class InteropTest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  standardId: string;

  @ManyToOne(() => Standard, { onDelete: 'RESTRICT' })
  standard: Relation<Standard>;

  @Column('text')
  partyAType: PartyType;

  @Index('ix_interop_tests_party_a')
  @Column('uuid')
  partyAId: string;

  @Column('text')
  partyARole: PartyRole;

  @Column('text')
  partyBType: PartyType;

  @Index('ix_interop_tests_party_b')
  @Column('uuid')
  partyBId: string;

  @Column('text')
  partyBRole: PartyRole;

  @Column('jsonb')
  cases: InteropCase[];

  @Column('text')
  result: CaseResult;

  @Column('date')
  testedOn: string;

  @Column('text', { default: '' })
  evidenceUrl: string;

  @Column('text')
  witness: string;

  @Column('date', { nullable: true })
  expiresOn: string | null;

  @Index('ix_interop_tests_retest_due', { where: 'retest_due' })
  @Column('boolean', { default: false })
  retestDue: boolean;

  @Column('text', { nullable: true })
  retestReason: RetestReason | null;

  @Column('timestamptz', { nullable: true })
  retestDueAt: Date | null;

  @Index('ux_interop_tests_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
