import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import type { OnboardingStatus, OrganisationType } from './organisation-type.js';

/**
 * Every organisation in the programme, one table: councils (GSS code, type, region,
 * nation), suppliers (company number, onboarding status), agencies (short code) and the
 * programme office. Type-specific columns are null for the other types.
 */
@Entity({ name: 'organisations' })
@Index('ix_organisations_type_name', ['type', 'name'])
@Index('ix_organisations_council_geo', ['nation', 'region'], { where: `type = 'COUNCIL'` })
export class Organisation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  type: OrganisationType;

  @Column('text')
  name: string;

  @Index('ux_organisations_gss_code', { unique: true, where: 'gss_code IS NOT NULL' })
  @Column('text', { nullable: true })
  gssCode: string | null;

  @Column('text', { nullable: true })
  councilType: string | null;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('text', { nullable: true })
  nation: string | null;

  @Index('ux_organisations_code', { unique: true, where: 'code IS NOT NULL' })
  @Column('text', { nullable: true })
  code: string | null;

  @Column('text', { nullable: true })
  companyNumber: string | null;

  @Column('text', { nullable: true })
  onboardingStatus: OnboardingStatus | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ default: 1 })
  version: number;
}
