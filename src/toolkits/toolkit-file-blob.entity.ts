import { Column, Entity, OneToOne, JoinColumn, PrimaryColumn, type Relation } from 'typeorm';
import { ToolkitFile } from './toolkit-file.entity.js';

/** The bytes of a toolkit file in the PostgreSQL store (apart, so listings never read them). */
@Entity({ name: 'toolkit_file_blobs' })
export class ToolkitFileBlob {
  @PrimaryColumn('uuid')
  fileId: string;

  @OneToOne(() => ToolkitFile, { onDelete: 'CASCADE' })
  @JoinColumn()
  file: Relation<ToolkitFile>;

  @Column('bytea')
  bytes: Buffer;
}
