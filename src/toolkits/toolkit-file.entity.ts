import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ToolkitRelease } from './toolkit-release.entity.js';

/**
 * A file of a release (specification, sample payload, test pack): its metadata here, its
 * bytes in the configured ToolkitFileStore under the file's id (`storage` says which).
 */
@Entity({ name: 'toolkit_files' })
@Index('ux_toolkit_files_name', ['releaseId', 'name'], { unique: true })
export class ToolkitFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  releaseId: string;

  @ManyToOne(() => ToolkitRelease, { onDelete: 'CASCADE' })
  release: Relation<ToolkitRelease>;

  @Column('text')
  name: string;

  @Column('text')
  contentType: string;

  @Column('int')
  sizeBytes: number;

  /** Hex SHA-256 of the bytes: shown to readers and served as the download's ETag. */
  @Column('text')
  sha256: string;

  @Column('text')
  storage: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
