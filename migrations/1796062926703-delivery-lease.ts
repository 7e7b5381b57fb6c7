import { MigrationInterface, QueryRunner } from 'typeorm';

export class DeliveryLease1796062926703 implements MigrationInterface {
  name = 'DeliveryLease1796062926703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries"
            ADD "lease_until" TIMESTAMP WITH TIME ZONE
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "deliveries" DROP COLUMN "lease_until"
        `);
  }
}
