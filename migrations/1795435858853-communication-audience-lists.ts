import { MigrationInterface, QueryRunner } from 'typeorm';

export class CommunicationAudienceLists1795435858853 implements MigrationInterface {
  name = 'CommunicationAudienceLists1795435858853';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "communication_suppliers" (
                "communication_id" uuid NOT NULL,
                "supplier_id" uuid NOT NULL,
                "products" jsonb NOT NULL DEFAULT '[]',
                "councils" jsonb NOT NULL DEFAULT '[]',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_1b6ad27208648c5670e2602ee4a" PRIMARY KEY ("communication_id", "supplier_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_communications_kind_created" ON "communications" ("kind", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_suppliers"
            ADD CONSTRAINT "FK_cf2eeb2c661a71698043af3358e" FOREIGN KEY ("communication_id") REFERENCES "communications"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_suppliers"
            ADD CONSTRAINT "FK_c4152ea8400f9efbb4ecce1ab6a" FOREIGN KEY ("supplier_id") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "communication_suppliers" DROP CONSTRAINT "FK_c4152ea8400f9efbb4ecce1ab6a"
        `);
    await queryRunner.query(`
            ALTER TABLE "communication_suppliers" DROP CONSTRAINT "FK_cf2eeb2c661a71698043af3358e"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_communications_kind_created"
        `);
    await queryRunner.query(`
            DROP TABLE "communication_suppliers"
        `);
  }
}
