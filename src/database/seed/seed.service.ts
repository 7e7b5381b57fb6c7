import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AdoptionSeeder } from '../../adoption/adoption.seeder.js';
import { AuditService } from '../../audit/audit.service.js';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import { CatalogueSeeder } from '../../catalogue/catalogue.seeder.js';
import { ConformanceSeeder } from '../../conformance/conformance.seeder.js';
import { CommunicationsSeeder } from '../../communications/communications.seeder.js';
import { AppConfig } from '../../config/app-config.js';
import { OrganisationsSeeder } from '../../organisations/organisations.seeder.js';
import { RequirementsSeeder } from '../../requirements/requirements.seeder.js';
import { StandardsSeeder } from '../../standards/standards.seeder.js';
import { RisksSeeder } from '../../risks/risks.seeder.js';
import { BenefitsSeeder } from '../../benefits/benefits.seeder.js';
import { DecisionsSeeder } from '../../decisions/decisions.seeder.js';
import { GovernanceSeeder } from '../../governance/governance.seeder.js';
import { CheckInsSeeder } from '../../check-ins/check-ins.seeder.js';
import { ReadinessSeeder } from '../../readiness/readiness.seeder.js';
import { InteropSeeder } from '../../interop/interop.seeder.js';
import { ToolkitsSeeder } from '../../toolkits/toolkits.seeder.js';
import { seedDemoAccounts } from './demo-accounts.js';

/**
 * Runs the seeders in order, in one transaction: reference data always, the demo
 * programme when DEMO_PASSWORD is set. Idempotent; a run that inserts nothing writes
 * no audit event either.
 */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsSeeder,
    private readonly catalogue: CatalogueSeeder,
    private readonly standards: StandardsSeeder,
    private readonly requirements: RequirementsSeeder,
    private readonly conformance: ConformanceSeeder,
    private readonly risks: RisksSeeder,
    private readonly benefits: BenefitsSeeder,
    private readonly decisions: DecisionsSeeder,
    private readonly governance: GovernanceSeeder,
    private readonly checkIns: CheckInsSeeder,
    private readonly readiness: ReadinessSeeder,
    private readonly interop: InteropSeeder,
    private readonly toolkits: ToolkitsSeeder,
    private readonly adoption: AdoptionSeeder,
    private readonly communications: CommunicationsSeeder,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async run(opts: { ifEmpty: boolean }): Promise<string> {
    if (opts.ifEmpty) {
      const [{ n }] = await this.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM organisations`,
      );
      if (n > 0) return 'database already has data; skipped';
    }
    const demo = this.config.DEMO_PASSWORD;
    const passwordHash = demo ? await this.hasher.hash(demo) : null;
    const counts = await this.db.transaction(async (m) => {
      const c: Record<string, number> = await this.organisations.seedReference(m);
      if (passwordHash) {
        Object.assign(c, await this.organisations.seedDemo(m));
        c.users = await seedDemoAccounts(m, passwordHash);
        Object.assign(c, await this.catalogue.seedServices(m));
        Object.assign(c, await this.standards.seedDemo(m));
        Object.assign(
          c,
          await this.catalogue.seedRelationships(m, await this.standards.demoIds(m)),
        );
        Object.assign(c, await this.requirements.seedDemo(m));
        Object.assign(c, await this.conformance.seedDemo(m));
        Object.assign(c, await this.adoption.seedDemo(m));
        Object.assign(c, await this.risks.seedDemo(m));
        Object.assign(c, await this.benefits.seedDemo(m));
        Object.assign(c, await this.decisions.seedDemo(m));
        Object.assign(c, await this.governance.seedDemo(m));
        Object.assign(c, await this.checkIns.seedDemo(m));
        Object.assign(c, await this.readiness.seedDemo(m));
        Object.assign(c, await this.interop.seedDemo(m));
        Object.assign(c, await this.toolkits.seedDemo(m));
        Object.assign(c, await this.communications.seedDemo(m));
      }
      const changed = Object.fromEntries(Object.entries(c).filter(([, v]) => v > 0));
      if (Object.keys(changed).length > 0) {
        await this.audit.record(m, SYSTEM_ACTOR, {
          action: 'seed.applied',
          entityType: 'seed',
          entityId: passwordHash ? 'reference+demo' : 'reference',
          after: changed,
        });
      }
      return c;
    });
    const summary = Object.entries(counts)
      .map(([k, v]) => `${k} +${v}`)
      .join(', ');
    return `${summary}${demo ? '' : ' (DEMO_PASSWORD unset: no demo programme)'}`;
  }
}
