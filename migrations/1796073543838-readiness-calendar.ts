import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReadinessCalendar1796073543838 implements MigrationInterface {
  name = 'ReadinessCalendar1796073543838';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "critical_dates" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "code" text NOT NULL,
                "name" text NOT NULL,
                "description" text NOT NULL DEFAULT '',
                "date" date NOT NULL,
                "service_ids" uuid array NOT NULL,
                "nations" text array NOT NULL,
                "min_stage" text NOT NULL,
                "days_before" integer NOT NULL DEFAULT '0',
                "mandatory_steps" boolean NOT NULL DEFAULT true,
                "lead_times" integer array NOT NULL DEFAULT '{60,30,14}',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_7c26f4ffd4a9da992714e63911a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_critical_dates_code" ON "critical_dates" ("code")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_critical_dates_date" ON "critical_dates" ("date")
        `);
    await queryRunner.query(`
            CREATE TABLE "readiness_notices" (
                "critical_date_id" uuid NOT NULL,
                "lead_days" integer NOT NULL,
                "council_id" uuid NOT NULL,
                "status" text NOT NULL,
                "reason" text NOT NULL,
                "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_ebe5ff57909a509f9d5a8bc2b8e" PRIMARY KEY ("critical_date_id", "lead_days", "council_id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "readiness_snapshots" (
                "critical_date_id" uuid NOT NULL,
                "taken_on" date NOT NULL,
                "ready" integer NOT NULL,
                "at_risk" integer NOT NULL,
                "not_ready" integer NOT NULL,
                CONSTRAINT "PK_7216667cd2d48717c65ebe14403" PRIMARY KEY ("critical_date_id", "taken_on")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices"
            ADD CONSTRAINT "FK_220f41197a72f08f38286fb13f3" FOREIGN KEY ("critical_date_id") REFERENCES "critical_dates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices"
            ADD CONSTRAINT "FK_a0c4010b602396f9c83ef01585d" FOREIGN KEY ("council_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_snapshots"
            ADD CONSTRAINT "FK_6b628f5eee8fab8e2d5f896e2e7" FOREIGN KEY ("critical_date_id") REFERENCES "critical_dates"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "readiness_snapshots" DROP CONSTRAINT "FK_6b628f5eee8fab8e2d5f896e2e7"
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices" DROP CONSTRAINT "FK_a0c4010b602396f9c83ef01585d"
        `);
    await queryRunner.query(`
            ALTER TABLE "readiness_notices" DROP CONSTRAINT "FK_220f41197a72f08f38286fb13f3"
        `);
    await queryRunner.query(`
            DROP TABLE "readiness_snapshots"
        `);
    await queryRunner.query(`
            DROP TABLE "readiness_notices"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_critical_dates_date"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_critical_dates_code"
        `);
    await queryRunner.query(`
            DROP TABLE "critical_dates"
        `);
  }
}
