import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface DemoCommunication {
  key: string;
  status: 'sent' | 'draft';
  subject: string;
  body: string;
  topic: string;
  mandatory: boolean;
  channels: string[];
  audience: object;
  /** Days from now (negative: in the past). */
  sentDaysAgo: number | null;
  acknowledgeInDays: number | null;
}

const DEMO: DemoCommunication[] = [
  {
    key: 'demo:admissions-release-3-2',
    status: 'sent',
    subject: 'Admissions release 3.2: confirm your upgrade plan by {{communication.acknowledgeBy}}',
    body:
      'Dear {{contact.name}},\n\nRelease 3.2 of the admissions data standard changes the ' +
      'late-application fields. {{supplier.name}} must confirm its upgrade plan by ' +
      '{{communication.acknowledgeBy}}.\n\nAcknowledge: {{ackLink}}\n\nProgramme Office',
    topic: 'admissions',
    mandatory: false,
    channels: ['email'],
    audience: { onboardingStatuses: ['active'] },
    sentDaysAgo: 10,
    acknowledgeInDays: -3,
  },
  {
    key: 'demo:fsm-eligibility-maintenance',
    status: 'sent',
    subject: 'Eligibility checker maintenance window on Saturday',
    body:
      'Hello {{contact.name}},\n\nThe free school meals eligibility checking service will ' +
      'be unavailable on Saturday between 06:00 and 08:00.\n\nProgramme Office',
    topic: 'free-school-meals',
    mandatory: false,
    channels: ['email'],
    audience: {},
    sentDaysAgo: 2,
    acknowledgeInDays: null,
  },
  {
    key: 'demo:conformance-deadline',
    status: 'draft',
    subject: 'Conformance submissions: deadline {{communication.acknowledgeBy}}',
    body:
      'Dear {{contact.name}},\n\nEvery product {{supplier.name}} offers must have a ' +
      'conformance submission in by {{communication.acknowledgeBy}}.\n\n' +
      'Please acknowledge: {{ackLink}}\n\nProgramme Office',
    topic: 'programme',
    mandatory: true,
    channels: ['email', 'webhook'],
    audience: { onboardingStatuses: ['active'] },
    sentDaysAgo: null,
    acknowledgeInDays: 14,
  },
];

/**
 * A draft targeted with the product and council filters: suppliers with a certified
 * admissions product serving a London borough (ids looked up when seeding).
 */
const TARGETED = {
  key: 'demo:london-admissions-offer-day',
  subject: 'London secondary offer day: readiness check for {{supplier.name}}',
  body:
    'Dear {{contact.name}},\n\nNational offer day is close. Please confirm that these products ' +
    'are ready:\n{{#products}}- {{name}} {{release}}\n{{/products}}\nfor these London ' +
    'councils:\n{{#councils}}- {{name}} ({{gssCode}})\n{{/councils}}\nAcknowledge by ' +
    '{{communication.acknowledgeBy}}: {{ackLink}}\n\nProgramme Office',
};

/**
 * Demo communications (insert-if-absent by dedupe key): two sent ones with terminal
 * delivery states and some acknowledgements, and drafts ready to preview (one targeted
 * at certified admissions suppliers serving London boroughs).
 */
@Injectable()
export class CommunicationsSeeder {
  async seedDemo(m: EntityManager): Promise<Record<string, number>> {
    const comms: { id: string }[] = await m.query(
      `INSERT INTO communications (kind, subject_template, body_template, topic, mandatory, audience,
                                   channels, status, send_at, sent_at, acknowledge_by, dedupe_key, created_by)
       SELECT 'manual', t.subject, t.body, t.topic, t.mandatory, t.audience, string_to_array(t.channels, ','),
              t.status, now() - make_interval(days => t.ago), now() - make_interval(days => t.ago),
              now() + make_interval(days => t.ack), t.key, 'admin@programme.example'
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::jsonb[],
                     $7::text[], $8::text[], $9::int[], $10::int[])
              AS t(key, subject, body, topic, mandatory, audience, channels, status, ago, ack)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        DEMO.map((d) => d.key),
        DEMO.map((d) => d.subject),
        DEMO.map((d) => d.body),
        DEMO.map((d) => d.topic),
        DEMO.map((d) => d.mandatory),
        DEMO.map((d) => JSON.stringify(d.audience)),
        DEMO.map((d) => d.channels.join(',')),
        DEMO.map((d) => d.status),
        DEMO.map((d) => d.sentDaysAgo),
        DEMO.map((d) => d.acknowledgeInDays),
      ],
    );
    const targeted: { id: string }[] = await m.query(
      `INSERT INTO communications (kind, subject_template, body_template, topic, mandatory, audience,
                                   channels, status, acknowledge_by, dedupe_key, created_by)
       SELECT 'manual', $1, $2, 'admissions', false,
              jsonb_build_object('serviceIds', jsonb_build_array(sv.id),
                                 'productStatuses', '["published", "in_remediation"]'::jsonb,
                                 'certificateStatuses', '["valid", "reassessment_due"]'::jsonb,
                                 'councilGroupIds', jsonb_build_array(g.id)),
              '{email,webhook}', 'draft', now() + interval '21 days', $3, 'admin@programme.example'
         FROM services sv, council_groups g
        WHERE sv.code = 'ADMISSIONS' AND g.name = 'London boroughs'
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [TARGETED.subject, TARGETED.body, TARGETED.key],
    );
    const deliveries = await m.query<{ id: string }[]>(
      `INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target, status,
                               attempts, last_error, created_at, updated_at, delivered_at)
       SELECT x.cid, x.sid, x.contact, 'email', x.email,
              CASE WHEN x.n % 13 = 0 THEN 'permanent_failure'
                   WHEN x.n % 17 = 0 THEN 'technical_failure' ELSE 'delivered' END,
              CASE WHEN x.n % 17 = 0 THEN 8 ELSE 1 END,
              CASE WHEN x.n % 13 = 0 THEN 'EENVELOPE: 550 5.1.1 mailbox unavailable'
                   WHEN x.n % 17 = 0 THEN 'ECONNECTION: connection refused' END,
              x.sent, x.sent, CASE WHEN x.n % 13 <> 0 AND x.n % 17 <> 0 THEN x.sent END
         FROM (SELECT k.id AS cid, o.id AS sid, c.id AS contact, c.email, k.sent_at AS sent,
                      row_number() OVER (PARTITION BY k.id ORDER BY o.name, c.email) AS n
                 FROM communications k
                 JOIN supplier_contacts c ON c.topics @> ARRAY[k.topic]
                 JOIN organisations o ON o.id = c.supplier_id AND o.type = 'SUPPLIER'
                WHERE k.dedupe_key LIKE 'demo:%' AND k.status = 'sent') x
       ON CONFLICT ON CONSTRAINT ux_deliveries_recipient DO NOTHING RETURNING id`,
    );
    const acks = await m.query<{ id: string }[]>(
      `INSERT INTO acknowledgements (communication_id, supplier_id, via, acknowledged_by, acknowledged_at)
       SELECT r.cid, r.sid, CASE WHEN r.n % 2 = 0 THEN 'link' ELSE 'api' END,
              CASE WHEN r.n % 2 = 0 THEN 'ack-link:' || r.email ELSE r.email END,
              r.sent + make_interval(days => 1 + (r.n % 5)::int)
         FROM (SELECT DISTINCT ON (d.supplier_id) d.communication_id AS cid, d.supplier_id AS sid,
                      d.target AS email, k.sent_at AS sent,
                      dense_rank() OVER (ORDER BY d.supplier_id) AS n
                 FROM deliveries d JOIN communications k ON k.id = d.communication_id
                WHERE k.dedupe_key = 'demo:admissions-release-3-2' AND d.status = 'delivered'
                ORDER BY d.supplier_id, d.target) r
        WHERE r.n % 3 <> 0
       ON CONFLICT ON CONSTRAINT ux_acknowledgements_supplier DO NOTHING RETURNING id`,
    );
    return {
      communications: comms.length + targeted.length,
      deliveries: deliveries.length,
      acknowledgements: acks.length,
    };
  }
}
