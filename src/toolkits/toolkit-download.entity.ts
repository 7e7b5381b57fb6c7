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
import { ToolkitFile } from './toolkit-file.entity.js';
import { ToolkitRelease } from './toolkit-release.entity.js';

/** One download of a toolkit file: by which organisation (and user or token), when. */
@Entity({ name: 'toolkit_downloads' })
@Index('ix_toolkit_downloads_release_org', ['releaseId', 'organisationId'])
export class ToolkitDownload {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_toolkit_downloads_file')
  @Column('uuid')
  fileId: string;

  @ManyToOne(() => ToolkitFile, { onDelete: 'CASCADE' })
  file: Relation<ToolkitFile>;

  @Column('uuid')
  releaseId: string;

  @ManyToOne(() => ToolkitRelease, { onDelete: 'CASCADE' })
  release: Relation<ToolkitRelease>;

  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  organisation: Relation<Organisation>;

  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('uuid', { nullable: true })
  tokenId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  downloadedAt: Date;
}
