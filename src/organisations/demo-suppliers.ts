/** 42 clearly fictional suppliers for the demo programme (`.example` domains). */
const FIRST = [
  'Northwind',
  'Bluebell',
  'Harbourside',
  'Kestrel',
  'Meadowlark',
  'Oakridge',
  'Pennine',
  'Quayside',
  'Saltmarsh',
  'Thistledown',
  'Wrenfield',
  'Ashcombe',
  'Brackenbury',
  'Coppergate',
];
const SECOND = ['Education Systems', 'School Software', 'Digital Services'];

export interface DemoSupplier {
  name: string;
  companyNumber: string;
  slug: string;
}

export const DEMO_SUPPLIERS: DemoSupplier[] = FIRST.flatMap((a) =>
  SECOND.map((b) => `${a} ${b}`),
).map((n, i) => ({
  name: `${n} Ltd (demo)`,
  companyNumber: `DM${String(i + 1).padStart(6, '0')}`,
  slug: n.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
}));

export const DEMO_AGENCIES = [
  { code: 'DFE', name: 'Department for Education' },
  { code: 'DWP', name: 'Department for Work and Pensions' },
  { code: 'HMRC', name: 'HM Revenue & Customs' },
  { code: 'HO', name: 'Home Office' },
  { code: 'WG', name: 'Welsh Government' },
  { code: 'MHCLG', name: 'Ministry of Housing, Communities and Local Government' },
];

export const PROGRAMME_OFFICE = { code: 'PO', name: 'Connect Digitally Programme Office' };
