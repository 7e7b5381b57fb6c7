import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { User } from './user.entity.js';

/**
 * A machine client's bearer token: `ptk_<prefix>_<secret>`. Only the SHA-256 of the
 * whole token is stored; the prefix stays visible so people can tell tokens apart.
 * It acts with its creator's role, for the creator's organisation.
 */
@Entity({ name: 'api_tokens' })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text', { unique: true })
  prefix: string;

  @Column('text', { select: false })
  tokenHash: string;

  @Index('ix_api_tokens_organisation')
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation)
  organisation: Relation<Organisation>;

  @Column('uuid')
  createdByUserId: string;

  @ManyToOne(() => User)
  createdByUser: Relation<User>;

  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
