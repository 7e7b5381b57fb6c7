import { MigrationInterface, QueryRunner } from 'typeorm';

export class UserPreferredLanguage1796062403149 implements MigrationInterface {
  name = 'UserPreferredLanguage1796062403149';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "preferred_language" text
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "preferred_language"
        `);
  }
}
