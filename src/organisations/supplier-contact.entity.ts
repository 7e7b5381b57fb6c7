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
import { Organisation } from './organisation.entity.js';

/** A person at a supplier who receives programme communications on the topics listed. */
@Entity({ name: 'supplier_contacts' })
export class SupplierContact {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_supplier_contacts_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  supplier: Relation<Organisation>;

  @Column('text')
  name: string;

  @Column('text')
  email: string;

  @Column('text', { array: true, default: () => `'{}'` })
  topics: string[];

  @Column('boolean', { default: true })
  active: boolean;

  /** Why the contact was made inactive automatically (e.g. a permanent email failure). */
  @Column('text', { nullable: true })
  inactiveReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
