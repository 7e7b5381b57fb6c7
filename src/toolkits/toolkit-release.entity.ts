import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Toolkit } from './toolkit.entity.js';

export const RELEASE_STATUSES = ['draft', 'published'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

/**
 * One version of a toolkit: release notes, the standard versions and requirement-set
 * versions it corresponds to, and its files. A draft is the programme office's alone;
 * publishing freezes it (no file changes) and tells subscribed suppliers, once.
 */
@Entity({ name: 'toolkit_releases' })
@Index('ux_toolkit_releases_version', ['toolkitId', 'version'], { unique: true })
export class ToolkitRelease {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  toolkitId: string;

  @ManyToOne(() => Toolkit, { onDelete: 'CASCADE' })
  toolkit: Relation<Toolkit>;

  /** The release's version label, e.g. `2.1.0`. */
  @Column('text')
  version: string;

  @Column('text', { default: '' })
  notes: string;

  @Column('text', { default: 'draft' })
  status: ReleaseStatus;

  /** Standard versions (rows of `standards`, each one version) the release implements. */
  @Column('uuid', { array: true, default: () => `'{}'` })
  standardIds: string[];

  /** Requirement-set versions the release helps a product meet. */
  @Column('uuid', { array: true, default: () => `'{}'` })
  requirementSetIds: string[];

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
