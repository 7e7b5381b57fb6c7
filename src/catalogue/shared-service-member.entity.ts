import { CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../organisations/organisation.entity.js';
import { SharedService } from './shared-service.entity.js';

/** A council served by a shared service. */
@Entity({ name: 'shared_service_members' })
export class SharedServiceMember {
  @PrimaryColumn('uuid')
  sharedServiceId: string;

  @ManyToOne(() => SharedService, { onDelete: 'CASCADE' })
  sharedService: Relation<SharedService>;

  @Index('ix_shared_service_members_council')
  @PrimaryColumn('uuid')
  councilId: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  council: Relation<Organisation>;

  @CreateDateColumn({ type: 'timestamptz' })
  addedAt: Date;
}
