import { MigrationInterface, QueryRunner } from 'typeorm';

export class InteropTests1796075755326 implements MigrationInterface {
  name = 'InteropTests1796075755326';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "interop_tests" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "standard_id" uuid NOT NULL,
                "party_a_type" text NOT NULL,
                "party_a_id" uuid NOT NULL,
                "party_a_role" text NOT NULL,
                "party_b_type" text NOT NULL,
                "party_b_id" uuid NOT NULL,
                "party_b_role" text NOT NULL,
                "cases" jsonb NOT NULL,
                "result" text NOT NULL,
                "tested_on" date NOT NULL,
                "evidence_url" text NOT NULL DEFAULT '',
                "witness" text NOT NULL,
                "expires_on" date,
                "retest_due" boolean NOT NULL DEFAULT false,
                "retest_reason" text,
                "retest_due_at" TIMESTAMP WITH TIME ZONE,
                "seed_key" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL DEFAULT '1',
                CONSTRAINT "PK_b8fd2bf3c64abce5184c5e17eea" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_interop_tests_party_a" ON "interop_tests" ("party_a_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_interop_tests_party_b" ON "interop_tests" ("party_b_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_interop_tests_retest_due" ON "interop_tests" ("retest_due")
            WHERE retest_due
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_interop_tests_seed_key" ON "interop_tests" ("seed_key")
            WHERE seed_key IS NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_interop_tests_standard" ON "interop_tests" ("standard_id", "tested_on")
        `);
    await queryRunner.query(`
            ALTER TABLE "interop_tests"
            ADD CONSTRAINT "FK_e11da6d2b303304f006253e8029" FOREIGN KEY ("standard_id") REFERENCES "standards"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "interop_tests" DROP CONSTRAINT "FK_e11da6d2b303304f006253e8029"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_interop_tests_standard"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_interop_tests_seed_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_interop_tests_retest_due"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_interop_tests_party_b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_interop_tests_party_a"
        `);
    await queryRunner.query(`
            DROP TABLE "interop_tests"
        `);
  }
}
