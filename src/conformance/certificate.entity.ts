import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Service } from '../catalogue/service.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';
import { Product } from '../products/product.entity.js';
import { RequirementSet } from '../requirements/requirement-set.entity.js';
import type { CertificateStatus } from './certificate-status.js';

/** SQL for a new certificate number (uuid_send avoids casts the drift check would strip). */
const CERTIFICATE_NUMBER_SQL =
  "((('CD-'|| upper(substr(encode(uuid_send(gen_random_uuid()), 'hex'), 1, 8))) || '-') || upper(substr(encode(uuid_send(gen_random_uuid()), 'hex'), 1, 4)))";

/**
 * Issued when a conformance submission is approved: product × service × requirement-set
 * version, valid from `validFrom` until `expiresAt`. `supplierId` is the product's
 * supplier, kept here so tenant filters and audiences need no join.
 */
@Entity({ name: 'certificates' })
@Index('ix_certificates_service_status', ['serviceId', 'status'])
@Index('ix_certificates_expiry', ['expiresAt'], {
  where: `status IN ('valid', 'reassessment_due')`,
})
export class Certificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('ix_certificates_product')
  @Column('uuid')
  productId: string;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  product: Relation<Product>;

  @Index('ix_certificates_supplier')
  @Column('uuid')
  supplierId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  supplier: Relation<Organisation>;

  @Column('uuid')
  serviceId: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  service: Relation<Service>;

  @Index('ix_certificates_requirement_set')
  @Column('uuid')
  requirementSetId: string;

  @ManyToOne(() => RequirementSet, { onDelete: 'RESTRICT' })
  requirementSet: Relation<RequirementSet>;

  /**
   * Printed on the certificate and typed into the public verification page: "CD-" and
   * 12 random hex digits in two groups (48 random bits), e.g. CD-3F9A61C2-7B04. Set by the
   * database, so every insert (issuer, seeds, imports) gets one; not derived from the id.
   * Written as TypeORM reads PostgreSQL's default back (casts and the space after them
   * removed), so the drift check compares equal.
   */
  @Index('ux_certificates_number', { unique: true })
  @Column('text', { default: () => CERTIFICATE_NUMBER_SQL })
  certificateNumber: string;

  /** The approved submission that issued it (null for certificates imported or seeded). */
  @Column('uuid', { nullable: true })
  submissionId: string | null;

  @Column('text', { default: 'valid' })
  status: CertificateStatus;

  @Column('timestamptz')
  validFrom: Date;

  @Column('timestamptz')
  expiresAt: Date;

  /** Set when a newer requirement-set version makes it reassessment_due. */
  @Column('date', { nullable: true })
  reassessmentDeadline: string | null;

  @Column('text', { nullable: true })
  revokedReason: string | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  /** When the 30-day expiry reminder went out (once per certificate). */
  @Column('timestamptz', { nullable: true })
  remindedAt30: Date | null;

  /** When the 7-day expiry reminder went out (once per certificate). */
  @Column('timestamptz', { nullable: true })
  remindedAt7: Date | null;

  @Index('ux_certificates_seed_key', { unique: true, where: 'seed_key IS NOT NULL' })
  @Column('text', { nullable: true, select: false })
  seedKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
