import { MigrationInterface, QueryRunner } from 'typeorm';

export class RiskServiceLink1795430048094 implements MigrationInterface {
  name = 'RiskServiceLink1795430048094';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "risks"
            ADD CONSTRAINT "FK_80f99d731b752f75d94ac34e693" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "risks" DROP CONSTRAINT "FK_80f99d731b752f75d94ac34e693"
        `);
  }
}
