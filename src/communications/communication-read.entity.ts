import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Communication } from './communication.entity.js';

/**
 * A supplier user has opened a communication in the portal's inbox: read state is per
 * person (like an email inbox), while acknowledging is once per supplier organisation.
 * The supplier is kept for the record (and so removing a supplier removes its reads).
 */
@Entity({ name: 'communication_reads' })
@Index('ix_communication_reads_supplier', ['supplierId'])
export class CommunicationRead {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @PrimaryColumn('uuid')
  communicationId: string;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  communication: Relation<Communication>;

  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  supplier: Relation<Organisation>;

  @CreateDateColumn({ type: 'timestamptz' })
  readAt: Date;
}
