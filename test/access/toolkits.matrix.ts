import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { serviceIdByCode } from '../support/programme-fixtures.js';

const READERS = { admin: 200, viewer: 200, supplierA: 200, supplierB: 200, supplierAToken: 200 };
const READ = statuses({ ...READERS, councilX: 200, councilY: 200 });
/** A draft: the programme office only; to suppliers and councils it does not exist. */
const DRAFT = statuses({
  admin: 200,
  viewer: 200,
  ...every(404, ['supplierA', 'supplierB', 'supplierAToken', 'councilX', 'councilY']),
});

/**
 * Developer toolkits: the programme office writes; suppliers and councils read published
 * releases (drafts are 404 to them); agencies have no access; download counts are staff's.
 */
export const toolkitsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const http = (method: 'post' | 'put', url: string) =>
      api.http()[method](url).set('authorization', `Bearer ${p.admin.bearer}`);
    const code = `TKM-${Date.now().toString(36).toUpperCase()}`;
    const toolkit = await http('post', '/api/v1/toolkits').send({
      code,
      name: 'Matrix fixture toolkit',
      serviceId: await serviceIdByCode(api.db, 'PAYMENTS'),
    });
    fixtures.tkToolkitId = toolkit.body.id as string;
    const release = async (version: string) => {
      const r = await http('post', `/api/v1/toolkits/${fixtures.tkToolkitId}/releases`).send({
        version,
      });
      const file = await http(
        'put',
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${r.body.id}/files/matrix.csv`,
      )
        .set('content-type', 'text/csv')
        .send('a,b\n1,2\n');
      return { releaseId: r.body.id as string, fileId: file.body.id as string };
    };
    const published = await release('1.0.0');
    await http(
      'post',
      `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${published.releaseId}/publish`,
    ).send({});
    fixtures.tkReleaseId = published.releaseId;
    fixtures.tkFileId = published.fileId;
    const draft = await release('2.0.0-draft');
    fixtures.tkDraftId = draft.releaseId;
    fixtures.tkDraftFileId = draft.fileId;
  },
  cases: [
    {
      route: 'GET /api/v1/toolkits',
      path: () => '/api/v1/toolkits?limit=1',
      expect: READ,
    },
    {
      route: 'GET /api/v1/toolkits/:id',
      path: ({ fixtures }) => `/api/v1/toolkits/${fixtures.tkToolkitId}`,
      expect: READ,
    },
    {
      route: 'POST /api/v1/toolkits',
      path: () => '/api/v1/toolkits',
      body: () => ({ code: 'x' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/toolkits/:id/releases',
      path: ({ fixtures }) => `/api/v1/toolkits/${fixtures.tkToolkitId}/releases`,
      body: () => ({ version: '' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/toolkits/:id/releases/:releaseId',
      label: 'a published release',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkReleaseId}`,
      expect: READ,
    },
    {
      route: 'GET /api/v1/toolkits/:id/releases/:releaseId',
      label: 'a draft release',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkDraftId}`,
      expect: DRAFT,
    },
    {
      route: 'POST /api/v1/toolkits/:id/releases/:releaseId/publish',
      label: 'publish a release already published (409: changes nothing)',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkReleaseId}/publish`,
      body: () => ({}),
      expect: statuses({ admin: 409 }),
    },
    {
      route: 'PUT /api/v1/toolkits/:id/releases/:releaseId/files/:file',
      label: 'upload to a published release (409: changes nothing)',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkReleaseId}/files/x.csv`,
      body: () => ({ not: 'a csv' }),
      expect: statuses({ admin: 409 }),
    },
    {
      route: 'DELETE /api/v1/toolkits/:id/releases/:releaseId/files/:file',
      label: 'delete from a published release (409: changes nothing)',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkReleaseId}/files/${fixtures.tkFileId}`,
      expect: statuses({ admin: 409 }),
    },
    {
      route: 'GET /api/v1/toolkits/:id/releases/:releaseId/files/:file',
      label: 'a published file',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkReleaseId}/files/${fixtures.tkFileId}`,
      expect: READ,
    },
    {
      route: 'GET /api/v1/toolkits/:id/releases/:releaseId/files/:file',
      label: 'a draft file',
      path: ({ fixtures }) =>
        `/api/v1/toolkits/${fixtures.tkToolkitId}/releases/${fixtures.tkDraftId}/files/${fixtures.tkDraftFileId}`,
      expect: DRAFT,
    },
    {
      route: 'GET /api/v1/toolkits/:id/downloads',
      path: ({ fixtures }) => `/api/v1/toolkits/${fixtures.tkToolkitId}/downloads`,
      expect: statuses({ admin: 200, viewer: 200 }),
    },
  ],
};
