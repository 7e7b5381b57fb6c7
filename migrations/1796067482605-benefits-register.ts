import { MigrationInterface, QueryRunner } from 'typeorm';

export class BenefitsRegister1796067482605 implements MigrationInterface {
  name = 'BenefitsRegister1796067482605';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "benefits" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "title" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "type" text NOT NULL,
                "service_ids" uuid array NOT NULL DEFAULT '{}',
                "owner_organisation_id" uuid NOT NULL,
                "owner_user_id" uuid,
                "measure_name" text NOT NULL,
                "unit" text NOT NULL,
                "direction" text NOT NULL,
                "baseline_value" numeric NOT NULL,
                "baseline_date" date NOT NULL,
                "baseline_source" text NOT NULL DEFAULT '',
                "target_value" numeric NOT NULL,
                "target_date" date NOT NULL,
                "tolerance_pct" numeric NOT NULL DEFAULT '10',
                "threshold" numeric,
                "value_per_unit" numeric,
                "evidence" text NOT NULL DEFAULT '',
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_f83fd5765028f20487943258b46" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_benefits_services" ON "benefits" ("service_ids")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_benefits_seed_key" ON "benefits" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "benefit_measurements" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "benefit_id" uuid NOT NULL,
                "value" numeric NOT NULL,
                "measured_on" date NOT NULL,
                "source" text NOT NULL DEFAULT '',
                "note" text NOT NULL DEFAULT '',
                "breakdown" text,
                "breakdown_key" text,
                "recorded_by_user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b515db575421746cd8e9289a021" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_benefit_measurements_benefit_date" ON "benefit_measurements" ("benefit_id", "measured_on")
        `);
    await queryRunner.query(`
            CREATE TABLE "benefit_status_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "benefit_id" uuid NOT NULL,
                "from_status" text NOT NULL,
                "to_status" text NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_5774e1aae971f14f6fdbc08895e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_benefit_status_changes_at" ON "benefit_status_changes" ("changed_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_benefit_status_changes_benefit_at" ON "benefit_status_changes" ("benefit_id", "changed_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "benefit_threshold_crossings" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "benefit_id" uuid NOT NULL,
                "measurement_id" uuid NOT NULL,
                "risk_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_c6f1c7fcfa29b7ec344a0d8b294" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_benefit_threshold_crossings_benefit" ON "benefit_threshold_crossings" ("benefit_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_benefit_threshold_crossings_measurement" ON "benefit_threshold_crossings" ("measurement_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "benefit_measurements"
            ADD CONSTRAINT "FK_d718cb8453f23eefa630c1a082c" FOREIGN KEY ("benefit_id") REFERENCES "benefits"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "benefit_measurements" DROP CONSTRAINT "FK_d718cb8453f23eefa630c1a082c"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_benefit_threshold_crossings_measurement"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_benefit_threshold_crossings_benefit"
        `);
    await queryRunner.query(`
            DROP TABLE "benefit_threshold_crossings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_benefit_status_changes_benefit_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_benefit_status_changes_at"
        `);
    await queryRunner.query(`
            DROP TABLE "benefit_status_changes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_benefit_measurements_benefit_date"
        `);
    await queryRunner.query(`
            DROP TABLE "benefit_measurements"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_benefits_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_benefits_services"
        `);
    await queryRunner.query(`
            DROP TABLE "benefits"
        `);
  }
}
