import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { Communication } from './communication.entity.js';
import type { AcknowledgementVia } from './communication-status.js';

/** A supplier's acknowledgement of a communication: once per supplier, by API or signed link. */
@Entity({ name: 'acknowledgements' })
@Unique('ux_acknowledgements_supplier', ['communicationId', 'supplierId'])
export class Acknowledgement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communicationId: string;

  @ManyToOne(() => Communication, { onDelete: 'CASCADE' })
  communication: Relation<Communication>;

  @Index('ix_acknowledgements_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  supplier: Relation<Organisation>;

  @Column('text')
  via: AcknowledgementVia;

  /** Who: a user's email, an API token's label, or the recipient of a signed link. */
  @Column('text')
  acknowledgedBy: string;

  @Column('uuid', { nullable: true })
  acknowledgedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  acknowledgedAt: Date;
}
