import { DEMO_SUPPLIERS } from '../organisations/demo-suppliers.js';

const supplier = (prefix: string): string => {
  const s = DEMO_SUPPLIERS.find((d) => d.name.startsWith(prefix));
  if (!s) throw new Error(`no demo supplier ${prefix}`);
  return s.name;
};

/** Members by organisation code (programme office, agencies), supplier name or council GSS code. */
export const DEMO_GROUPS = [
  {
    key: 'demo-board',
    name: 'Programme board',
    description:
      'Senior responsible owner, agencies and council representatives; takes the decisions that bind the programme.',
    members: [
      ['PO', 'chair'],
      ['DFE', 'member'],
      ['HMRC', 'member'],
      ['DWP', 'member'],
      ['HO', 'member'],
      ['WG', 'member'],
      ['E09000001', 'member'],
      ['W06000015', 'observer'],
    ],
  },
  {
    key: 'demo-forum',
    name: 'Supplier forum',
    description:
      'Suppliers inside governance from the start: monthly forum on the roadmap, standards and rollout.',
    members: [
      ['PO', 'chair'],
      [supplier('Kestrel Digital Services'), 'member'],
      [supplier('Northwind Education Systems'), 'member'],
      [supplier('Pennine Digital Services'), 'member'],
      [supplier('Bluebell School Software'), 'member'],
      [supplier('Saltmarsh Education Systems'), 'member'],
      ['DFE', 'observer'],
    ],
  },
  {
    key: 'demo-tda',
    name: 'Technical design authority',
    description: 'Owns the data standards and the interfaces between services.',
    members: [
      ['PO', 'chair'],
      ['HMRC', 'member'],
      ['DWP', 'member'],
      [supplier('Northwind Education Systems'), 'member'],
    ],
  },
] as const;

const FORUM_TOPICS = [
  'Roadmap for the shared eligibility checker',
  'FSM-ECS request standard: draft for comment',
  'Conformance testing: lessons from the first submissions',
  'Admissions rollout: London shared service',
  'Usability evaluation results and right of reply',
  'Switchover support for councils',
];

/** Six months of supplier forum meetings and the programme board that took the checker decision. */
export const DEMO_MEETINGS = [
  ...FORUM_TOPICS.map((topic, i) => ({
    key: `demo-forum-${i + 1}`,
    group: 'demo-forum',
    title: `Supplier forum ${i + 1}: ${topic}`,
    monthsAgo: 6 - i,
    agenda: [
      {
        title: topic,
        owner: 'Programme director',
        paperLinks: [`https://papers.connect-digitally.example/forum-${i + 1}.pdf`],
      },
      { title: 'Supplier updates', owner: 'Supplier representatives', paperLinks: [] },
    ],
    attendees: [
      'Programme director',
      'Kestrel Digital Services',
      'Northwind Education Systems',
      'Pennine Digital Services',
    ],
    minutes: `Discussed: ${topic}. Suppliers asked for a single integration with the departments.`,
    actions: [
      {
        title: `Circulate notes on ${topic.toLowerCase()}`,
        owner: 'Programme office',
        dueInDays: 14 - (6 - i) * 30,
        status: i < 4 ? 'done' : 'open',
      },
    ],
  })),
  {
    key: 'demo-board-1',
    group: 'demo-board',
    title: 'Programme board: eligibility checking',
    monthsAgo: 6,
    agenda: [
      {
        title: 'Options for eligibility checking',
        owner: 'Programme director',
        paperLinks: ['https://papers.connect-digitally.example/board-eligibility-options.pdf'],
      },
    ],
    attendees: ['Senior responsible owner (DfE)', 'HMRC', 'DWP', 'Home Office', 'City of London'],
    minutes: 'The board agreed one shared eligibility checker for all 174 councils.',
    actions: [
      {
        title: 'Agree surge capacity with HMRC for the September peak',
        owner: 'HMRC digital lead',
        dueInDays: -20,
        status: 'open',
      },
    ],
  },
];
