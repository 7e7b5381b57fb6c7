import { MigrationInterface, QueryRunner } from 'typeorm';

export class ServiceScope1796062125556 implements MigrationInterface {
  name = 'ServiceScope1796062125556';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "services"
            ADD "scope_nations" text array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "services"
            ADD "scope_group_ids" uuid array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "services"
            ADD "scope_council_ids" uuid array NOT NULL DEFAULT '{}'
        `);
    await queryRunner.query(`
            ALTER TABLE "adoptions"
            ADD "scope_withdrawn_at" TIMESTAMP WITH TIME ZONE
        `);
    // Existing installs: each service's scope is what its adoptions already cover —
    // the nations all of whose councils have one, plus the other councils that have
    // one — so no adoption is created or withdrawn by this step.
    await queryRunner.query(`
            UPDATE services s SET scope_nations = COALESCE((
              SELECT array_agg(n.nation ORDER BY n.nation)
                FROM (SELECT DISTINCT nation FROM organisations WHERE type = 'COUNCIL') n
               WHERE EXISTS (SELECT 1 FROM adoptions a JOIN organisations o ON o.id = a.council_id
                              WHERE a.service_id = s.id AND o.nation = n.nation)
                 AND NOT EXISTS (SELECT 1 FROM organisations o
                                  WHERE o.type = 'COUNCIL' AND o.nation = n.nation
                                    AND NOT EXISTS (SELECT 1 FROM adoptions a
                                                     WHERE a.council_id = o.id AND a.service_id = s.id))
            ), '{}')
        `);
    await queryRunner.query(`
            UPDATE services s SET scope_council_ids = COALESCE((
              SELECT array_agg(a.council_id ORDER BY a.council_id)
                FROM adoptions a JOIN organisations o ON o.id = a.council_id
               WHERE a.service_id = s.id AND NOT (o.nation = ANY(s.scope_nations))
            ), '{}')
        `);
    // Online school admissions ran in England's 152 councils only: its scope loses
    // Wales, and the Welsh councils' admissions adoptions are withdrawn by the system
    // (kept with their history, reopened if Wales is ever brought into scope).
    await queryRunner.query(`
            UPDATE services s
               SET scope_nations = array_remove(s.scope_nations, 'Wales'),
                   scope_council_ids = ARRAY(
                     SELECT c FROM unnest(s.scope_council_ids) c
                      JOIN organisations o ON o.id = c WHERE o.nation <> 'Wales' ORDER BY c)
             WHERE s.code = 'ADMISSIONS'
        `);
    await queryRunner.query(`
            WITH withdrawn AS (
              UPDATE adoptions a
                 SET stage = 'withdrawn', stage_entered_at = now(), scope_withdrawn_at = now(),
                     version = a.version + 1, updated_at = now()
                FROM adoptions old, services s, organisations o
               WHERE old.id = a.id AND s.id = a.service_id AND o.id = a.council_id
                 AND s.code = 'ADMISSIONS' AND o.nation = 'Wales' AND a.stage <> 'withdrawn'
              RETURNING a.id, old.stage AS from_stage),
            history AS (
              INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, note, actor_label)
              SELECT id, 'transitioned', from_stage, 'withdrawn',
                     'Online school admissions ran in England only: out of the service''s scope',
                     'migration'
                FROM withdrawn RETURNING adoption_id)
            INSERT INTO audit_events (actor_label, action, entity_type, entity_id, changes)
            SELECT 'migration', 'adoption.withdrawn', 'adoption', id::text,
                   jsonb_build_object('stage', jsonb_build_object('before', from_stage, 'after', 'withdrawn'),
                                      'cause', jsonb_build_object('before', null, 'after', 'ServiceScope migration'))
              FROM withdrawn
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "adoptions" DROP COLUMN "scope_withdrawn_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "services" DROP COLUMN "scope_council_ids"
        `);
    await queryRunner.query(`
            ALTER TABLE "services" DROP COLUMN "scope_group_ids"
        `);
    await queryRunner.query(`
            ALTER TABLE "services" DROP COLUMN "scope_nations"
        `);
  }
}
