import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookPerEndpoint1796062660563 implements MigrationInterface {
  name = 'WebhookPerEndpoint1796062660563';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "ux_deliveries_recipient"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ALTER COLUMN "contact_id" DROP NOT NULL
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ux_deliveries_webhook" ON "deliveries" ("communication_id", "supplier_id")
            WHERE channel = 'webhook'
                AND contact_id IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "ux_deliveries_recipient" UNIQUE ("communication_id", "contact_id", "channel")
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30" FOREIGN KEY ("contact_id") REFERENCES "supplier_contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30"
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP CONSTRAINT "ux_deliveries_recipient"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ux_deliveries_webhook"
        `);
    // Webhook deliveries made per endpoint have no contact: they cannot go back.
    await queryRunner.query(`
            DELETE FROM "deliveries" WHERE "contact_id" IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ALTER COLUMN "contact_id"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "ux_deliveries_recipient" UNIQUE ("communication_id", "contact_id", "channel")
        `);
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD CONSTRAINT "FK_9055cdb0beafb42b2307dc11b30" FOREIGN KEY ("contact_id") REFERENCES "supplier_contacts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }
}
