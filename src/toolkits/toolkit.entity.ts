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
import { Service } from '../catalogue/service.entity.js';

/**
 * A developer toolkit the programme publishes for building one service (e.g. online
 * payments, cashless catering): specifications, sample payloads and test packs, in
 * versioned releases.
 */
@Entity({ name: 'toolkits' })
export class Toolkit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable reference, e.g. `PAYMENTS-TK` (also the demo seed's key). */
  @Index('ux_toolkits_code', { unique: true })
  @Column('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { default: '' })
  summary: string;

  @Index('ix_toolkits_service')
  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
