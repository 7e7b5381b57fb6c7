import { type MatrixModule, statuses } from '../support/access-matrix.js';

const PROGRAMME_READERS = { admin: 200, viewer: 200, agency: 200 };

/** Dashboards (issue 6): programme staff and agencies; a council sees its own status only. */
export const dashboardsMatrix: MatrixModule = {
  cases: [
    {
      route: 'GET /api/v1/dashboards/adoption',
      path: () => '/api/v1/dashboards/adoption?months=2',
      expect: statuses(PROGRAMME_READERS),
    },
    {
      route: 'GET /api/v1/dashboards/attention',
      path: () => '/api/v1/dashboards/attention?limit=1',
      expect: statuses(PROGRAMME_READERS),
    },
    {
      route: 'GET /api/v1/councils/:id/status',
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/status`,
      expect: statuses({ ...PROGRAMME_READERS, councilX: 200, councilY: 404 }),
    },
  ],
};
