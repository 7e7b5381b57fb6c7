import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM models neither the table's single row nor triggers): one counter,
 * `read_model_generation.generation`, bumped once by every transaction that changes a table
 * the dashboards read. The bump is a deferred constraint trigger, so it runs at COMMIT,
 * after the transaction's other row locks are taken: the counter row is locked only for
 * the commit itself, and a transaction that changes many rows bumps it once (a
 * transaction-local setting remembers it did). Readers take the counter BEFORE the data, so
 * an answer is never older than the generation it is tagged with (see
 * src/dashboards/read-model-generation.ts).
 */
const TABLES = [
  'adoptions',
  'adoption_history',
  'organisations',
  'services',
  'service_relationships',
  'products',
  'shared_services',
  'shared_service_members',
  'certificates',
  'local_variances',
  'risks',
  'council_groups',
  'council_group_members',
];

export class ReadModelGeneration1796073283158 implements MigrationInterface {
  name = 'ReadModelGeneration1796073283158';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "read_model_generation" (
                "id" integer PRIMARY KEY CHECK ("id" = 1),
                "generation" bigint NOT NULL,
                "changed_at" timestamptz NOT NULL DEFAULT now()
            )
        `);
    await queryRunner.query(
      `INSERT INTO "read_model_generation" ("id", "generation") VALUES (1, 1)`,
    );
    await queryRunner.query(`
            CREATE FUNCTION bump_read_model_generation() RETURNS trigger AS $$
            BEGIN
              IF current_setting('ptrack.read_model_bumped', true) IS DISTINCT FROM txid_current()::text THEN
                PERFORM set_config('ptrack.read_model_bumped', txid_current()::text, true);
                UPDATE read_model_generation SET generation = generation + 1, changed_at = now() WHERE id = 1;
              END IF;
              RETURN NULL;
            END
            $$ LANGUAGE plpgsql
        `);
    for (const t of TABLES) {
      await queryRunner.query(`
            CREATE CONSTRAINT TRIGGER "${t}_read_model_generation"
            AFTER INSERT OR UPDATE OR DELETE ON "${t}"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
            EXECUTE FUNCTION bump_read_model_generation()
        `);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of TABLES) {
      await queryRunner.query(`DROP TRIGGER "${t}_read_model_generation" ON "${t}"`);
    }
    await queryRunner.query(`DROP FUNCTION bump_read_model_generation()`);
    await queryRunner.query(`DROP TABLE "read_model_generation"`);
  }
}
