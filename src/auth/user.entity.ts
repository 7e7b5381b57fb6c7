import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import type { Role } from './role.js';

/** A person who signs in. Email is stored lower-cased (unique, case-insensitive). */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  email: string;

  @Column('text')
  displayName: string;

  @Column('text', { select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Index('ix_users_organisation')
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation)
  organisation: Relation<Organisation>;

  @Column('boolean', { default: true })
  active: boolean;

  @Column('int', { default: 0 })
  failedLogins: number;

  /**
   * Carried in every JWT (`tv`) and compared at authentication: bumped when the password
   * changes or the account is deactivated, which ends existing sessions.
   */
  @Column('int', { default: 0 })
  tokenVersion: number;

  @Column('timestamptz', { nullable: true })
  lockedUntil: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** The portal language the person chose (Welsh Language Standards); null: not chosen. */
  @Column('text', { nullable: true })
  preferredLanguage: 'en' | 'cy' | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
