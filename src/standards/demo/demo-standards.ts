import type { StandardStatus } from '../standard-lifecycle.js';
import { ADMISSIONS_APPLICATION_SCHEMA } from './admissions-application.schema.js';
import {
  ELIGIBILITY_CHECK_REQUEST_SCHEMA,
  ELIGIBILITY_CHECK_RESPONSE_SCHEMA,
} from './eligibility-check.schemas.js';
import { PAYMENT_NOTIFICATION_SCHEMA } from './payment-notification.schema.js';

/** Demo programme only: the data standards the services exchange. */
export interface DemoStandard {
  code: string;
  version: string;
  name: string;
  description: string;
  /** Organisation code of the owner (an agency, or PO for the programme office). */
  owner: string;
  status: StandardStatus;
  effectiveFrom: string | null;
  /** Service codes it governs. */
  services: string[];
  jsonSchema: object | null;
}

export const DEMO_STANDARDS: DemoStandard[] = [
  {
    code: 'ADM-APPLICATION',
    version: '1.0.0',
    name: 'School admissions application exchange',
    description:
      'The application a parent makes for a school place, as exchanged between admissions ' +
      'products and councils during coordinated admissions.',
    owner: 'DFE',
    status: 'active',
    effectiveFrom: '2026-04-01',
    services: ['ADMISSIONS'],
    jsonSchema: ADMISSIONS_APPLICATION_SCHEMA,
  },
  {
    code: 'FSM-ECS-REQUEST',
    version: '1.0.0',
    name: 'FSM eligibility check request',
    description: 'What an FSM application sends the Eligibility Checking Service.',
    owner: 'DFE',
    status: 'active',
    effectiveFrom: '2026-04-01',
    services: ['FSM-APPLY', 'FSM-ECS'],
    jsonSchema: ELIGIBILITY_CHECK_REQUEST_SCHEMA,
  },
  {
    code: 'FSM-ECS-RESPONSE',
    version: '1.0.0',
    name: 'FSM eligibility check response',
    description: 'What the Eligibility Checking Service answers.',
    owner: 'DFE',
    status: 'active',
    effectiveFrom: '2026-04-01',
    services: ['FSM-APPLY', 'FSM-ECS'],
    jsonSchema: ELIGIBILITY_CHECK_RESPONSE_SCHEMA,
  },
  {
    code: 'PAY-NOTIFICATION',
    version: '1.0.0',
    name: 'Payment outcome notification',
    description: 'How an online payments product tells the ordering service what happened.',
    owner: 'PO',
    status: 'draft',
    effectiveFrom: null,
    services: ['PAYMENTS', 'CASHLESS'],
    jsonSchema: PAYMENT_NOTIFICATION_SCHEMA,
  },
  {
    code: 'WCAG',
    version: '2.2',
    name: 'Web Content Accessibility Guidelines 2.2, level AA',
    description:
      'Every parent-facing product meets WCAG 2.2 level AA. Tested by audit, not by schema.',
    owner: 'PO',
    status: 'active',
    effectiveFrom: '2026-04-01',
    services: ['ADMISSIONS', 'FSM-APPLY', 'PAYMENTS', 'CASHLESS'],
    jsonSchema: null,
  },
];
