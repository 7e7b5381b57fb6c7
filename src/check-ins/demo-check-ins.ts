import { DEMO_SUPPLIERS } from '../organisations/demo-suppliers.js';
import type { CheckInQuestion } from './check-in-question-set.entity.js';

const supplier = (prefix: string): string => {
  const s = DEMO_SUPPLIERS.find((d) => d.name.startsWith(prefix));
  if (!s) throw new Error(`no demo supplier ${prefix}`);
  return s.name;
};

/** The current question set (version 1): three 1–5 questions and two RAG ones. */
export const DEMO_QUESTIONS: CheckInQuestion[] = [
  {
    code: 'clarity',
    text: 'How clear are the outcomes we are working towards together?',
    scale: '1-5',
  },
  {
    code: 'communication',
    text: 'How well do we keep each other informed, early and honestly?',
    scale: '1-5',
  },
  {
    code: 'trust',
    text: 'How much do you trust the other side to be open about problems?',
    scale: '1-5',
  },
  { code: 'pace', text: 'Are decisions that affect you made quickly enough?', scale: 'rag' },
  { code: 'support', text: 'Are you getting the support you need to deliver?', scale: 'rag' },
];

type Half = { scores: [number, number, number, number, number]; comments?: Record<string, string> };
interface Round {
  office: Half;
  partner: Half;
}

const steady = (a: number, b: number): Round[] => [
  { office: { scores: [4, 4, 4, 3, 3] }, partner: { scores: [a, 4, 4, 3, 3] } },
  { office: { scores: [4, 4, 5, 3, 3] }, partner: { scores: [4, b, 4, 3, 3] } },
  { office: { scores: [5, 4, 5, 3, 3] }, partner: { scores: [4, 4, 5, 3, 3] } },
];

/**
 * Five forum suppliers checked in with every 8 weeks over six months: four steady, one
 * (Pennine) deteriorating — the partner's scores fall while the programme office's barely
 * move, so the gap between the sides widens. Weeks are relative to the seed date.
 */
export const DEMO_CHECK_INS: { org: string; rounds: Round[] }[] = [
  {
    org: supplier('Kestrel Digital Services'),
    rounds: steady(3, 4).map((r, i) =>
      i === 0
        ? {
            ...r,
            partner: {
              ...r.partner,
              comments: { clarity: 'Still unclear which councils go first in wave one.' },
            },
          }
        : r,
    ),
  },
  { org: supplier('Northwind Education Systems'), rounds: steady(4, 4) },
  {
    org: supplier('Bluebell School Software'),
    rounds: steady(4, 3).map((r, i) =>
      i === 1
        ? {
            ...r,
            partner: {
              ...r.partner,
              comments: {
                communication: 'The standards change log arrived after our sprint planning.',
              },
            },
          }
        : r,
    ),
  },
  { org: supplier('Saltmarsh Education Systems'), rounds: steady(4, 5) },
  {
    org: supplier('Pennine Digital Services'),
    rounds: [
      {
        office: { scores: [4, 4, 4, 3, 3], comments: { trust: 'Open about their test results.' } },
        partner: {
          scores: [4, 4, 4, 3, 3],
          comments: { clarity: 'Good kick-off; we know what wave one needs from us.' },
        },
      },
      {
        office: { scores: [4, 4, 4, 2, 3] },
        partner: {
          scores: [3, 3, 3, 2, 2],
          comments: {
            communication: 'We heard about the FSM-ECS field change from a council, not from you.',
            pace: 'Six weeks waiting for a decision on the eligibility checker interface.',
            support: 'Conformance test environment was down for most of a sprint.',
          },
        },
      },
      {
        office: {
          scores: [4, 3, 4, 2, 2],
          comments: { communication: 'Pennine missed two forum meetings.' },
        },
        partner: {
          scores: [2, 2, 1, 1, 1],
          comments: {
            clarity: 'The rollout order changed twice this quarter without explanation.',
            communication: 'Forum papers arrive the night before; we cannot prepare.',
            trust: 'Our usability results were shared with councils before we could reply.',
            pace: 'Still no decision on the interface we raised in the spring.',
            support: 'We have asked three times for a named contact in the programme office.',
          },
        },
      },
    ],
  },
];

/** Weeks before the seed date of the three answered rounds; the next is due in 2 weeks. */
export const DEMO_ROUND_WEEKS = [-22, -14, -6];
export const DEMO_NEXT_WEEKS = 2;
