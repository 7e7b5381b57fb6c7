import { MigrationInterface, QueryRunner } from 'typeorm';

export class DecisionLog1796073150119 implements MigrationInterface {
  name = 'DecisionLog1796073150119';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "decisions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "context" text NOT NULL DEFAULT '',
                "options" jsonb NOT NULL DEFAULT '[]',
                "outcome" text NOT NULL DEFAULT '',
                "rationale" text NOT NULL DEFAULT '',
                "consequences" text NOT NULL DEFAULT '',
                "status" text NOT NULL DEFAULT 'proposed',
                "supersedes_id" uuid,
                "superseded_by_id" uuid,
                "decided_by_people" text array NOT NULL DEFAULT '{}',
                "consulted_organisation_ids" uuid array NOT NULL DEFAULT '{}',
                "informed_organisation_ids" uuid array NOT NULL DEFAULT '{}',
                "public_to_programme" boolean NOT NULL DEFAULT false,
                "decided_on" date,
                "review_date" date,
                "revocation_reason" text,
                "risk_ids" uuid array NOT NULL DEFAULT '{}',
                "requirement_ids" uuid array NOT NULL DEFAULT '{}',
                "service_ids" uuid array NOT NULL DEFAULT '{}',
                "standard_ids" uuid array NOT NULL DEFAULT '{}',
                "local_variance_ids" uuid array NOT NULL DEFAULT '{}',
                "product_ids" uuid array NOT NULL DEFAULT '{}',
                "search_vector" tsvector,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_48eee6fa229cd5e43648f6a2ec3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_decisions_supersedes" ON "decisions" ("supersedes_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_decisions_seed_key" ON "decisions" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    // Written by hand (TypeORM models neither): GIN indexes for links, visibility and
    // full-text search, and the trigger that keeps search_vector from title, context and
    // rationale. The drift check ignores them (the indexes are synchronize: false).
    await queryRunner.query(`
            CREATE INDEX "ix_decisions_search" ON "decisions" USING gin ("search_vector")
        `);
    for (const [name, column] of [
      ['ix_decisions_consulted', 'consulted_organisation_ids'],
      ['ix_decisions_informed', 'informed_organisation_ids'],
      ['ix_decisions_risks', 'risk_ids'],
      ['ix_decisions_requirements', 'requirement_ids'],
      ['ix_decisions_services', 'service_ids'],
    ]) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "decisions" USING gin ("${column}")`);
    }
    await queryRunner.query(`
            CREATE FUNCTION decisions_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              NEW.search_vector :=
                setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
                setweight(to_tsvector('english', coalesce(NEW.context, '')), 'B') ||
                setweight(to_tsvector('english', coalesce(NEW.rationale, '')), 'B');
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER decisions_search_vector BEFORE INSERT OR UPDATE OF title, context, rationale
            ON "decisions" FOR EACH ROW EXECUTE FUNCTION decisions_search_vector()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER decisions_search_vector ON "decisions"`);
    await queryRunner.query(`DROP FUNCTION decisions_search_vector()`);
    for (const name of [
      'ix_decisions_search',
      'ix_decisions_consulted',
      'ix_decisions_informed',
      'ix_decisions_risks',
      'ix_decisions_requirements',
      'ix_decisions_services',
    ]) {
      await queryRunner.query(`DROP INDEX "public"."${name}"`);
    }
    await queryRunner.query(`
            DROP INDEX "public"."ux_decisions_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_decisions_supersedes"
        `);
    await queryRunner.query(`
            DROP TABLE "decisions"
        `);
  }
}
