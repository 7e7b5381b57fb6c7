/** Where a council is with a service (DESIGN.md, adoption). */
export const ADOPTION_STAGES = [
  'not_started',
  'planning',
  'procurement',
  'implementation',
  'testing',
  'live',
  'paused',
  'withdrawn',
] as const;
export type AdoptionStage = (typeof ADOPTION_STAGES)[number];

/** How the council delivers the service: a certified product or a shared service. */
export const ROUTE_TYPES = ['product', 'shared_service'] as const;
export type RouteType = (typeof ROUTE_TYPES)[number];
