import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { GovernanceGroup } from './governance-group.entity.js';

export const MEMBER_ROLES = ['chair', 'member', 'observer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** An organisation's seat in a governance group (programme office, agency, supplier, council). */
@Entity({ name: 'governance_group_members' })
@Index('ix_governance_members_org', ['organisationId'])
export class GovernanceMember {
  @PrimaryColumn('uuid')
  groupId: string;

  @ManyToOne(() => GovernanceGroup, { onDelete: 'CASCADE' })
  group: Relation<GovernanceGroup>;

  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  organisation: Relation<Organisation>;

  @Column('text')
  role: MemberRole;
}
