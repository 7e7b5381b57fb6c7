import supertest from 'supertest';
import { DEMO_PASSWORD } from './principals.js';
import type { TestApi } from './test-app.js';

/** The CSRF token a rendered page carries in its forms. */
export function csrfFrom(html: string): string {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on the page');
  return token;
}

/** A browser-like client: its own cookie jar, signed in through the sign-in form. */
export async function pageClient(api: TestApi, email?: string) {
  const agent = supertest.agent(api.app.getHttpServer());
  const token = async (path = '/sign-in') => csrfFrom((await agent.get(path)).text);
  if (email) {
    // The token first: the agent attaches its cookies when a request is created.
    const _csrf = await token();
    const res = await agent
      .post('/sign-in')
      .type('form')
      .send({ _csrf, email, password: DEMO_PASSWORD });
    if (res.status !== 303) throw new Error(`page sign-in ${email}: ${res.status}`);
  }
  return { agent, token };
}
