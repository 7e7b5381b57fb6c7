import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { uniq } from '../support/comms-fixtures.js';
import { pageClient } from '../support/portal.js';
import {
  ACCOUNTS,
  as,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(300_000);

/**
 * The governance pages in a real browser: the programme office's hub, a group, a meeting
 * (minutes, actions marked done), the decision log's full-text search, recording a decision
 * that supersedes another and following the links both ways; a supplier or council member
 * sees its group's meeting and the decision taken there while one outside gets the 404 page;
 * read-only roles see no write controls and their forged POSTs are 403; every form answers
 * malformed bodies with a 4xx page. Every page visited is checked with axe (EN and CY).
 */
describe('governance pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  const violations: string[] = [];
  const visited = new Set<string>();
  const word = `zephyr${uniq()
    .replace(/[^a-z]/gi, '')
    .toLowerCase()}`;
  const ids = { group: '', meeting: '', action: '', old: '', replacement: '' };
  const oldTitle = `Councils run their own checkers ${uniq()}`;
  const meetingTitle = `Supplier forum, March ${uniq()}`;
  const groupName = `Supplier forum ${uniq()}`;

  const check = async (page: Page) => {
    visited.add(`${new URL(page.url()).pathname} ${await page.getAttribute('html', 'lang')}`);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    browser = await launchChromium();
    const group = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({
        name: groupName,
        description: 'Suppliers and councils meet the programme office every month.',
        members: [
          { organisationId: p.admin.organisationId, role: 'chair' },
          { organisationId: p.supplierA.organisationId, role: 'member' },
          { organisationId: p.councilX.organisationId, role: 'observer' },
        ],
      });
    expect(group.status).toBe(201);
    ids.group = group.body.id;
    const meeting = await as(api, p.admin)
      .post('/api/v1/meetings')
      .send({
        groupId: ids.group,
        title: meetingTitle,
        startsAt: '2026-03-10T10:00:00Z',
        agendaItems: [
          {
            title: 'Shared eligibility checker capacity',
            owner: 'Programme director',
            paperLinks: ['https://papers.example/checker-capacity.pdf'],
          },
        ],
        attendees: ['Programme director', 'Northwind Education Systems'],
      });
    expect(meeting.status).toBe(201);
    ids.meeting = meeting.body.id;
    const action = await as(api, p.admin)
      .post(`/api/v1/meetings/${ids.meeting}/actions`)
      .send({ title: 'Share the load test results', owner: 'Northwind', dueDate: '2026-04-01' });
    expect(action.status).toBe(201);
    ids.action = action.body.actions[0].id;
    const old = await as(api, p.admin)
      .post('/api/v1/decisions')
      .send({
        title: oldTitle,
        context: 'Each council buys its own eligibility checking.',
        rationale: `Keeps local control; the ${word} approach was judged too early.`,
        options: [
          { title: 'Each council its own', pros: ['Local control'], cons: ['174 integrations'] },
          { title: 'One shared checker', pros: ['One integration'], cons: ['Single point'] },
        ],
        decidedByMeetingId: ids.meeting,
        decidedOn: '2026-03-10',
      });
    expect(old.status).toBe(201);
    ids.old = old.body.id;
    expect(
      (await as(api, p.admin).post(`/api/v1/decisions/${ids.old}/accept`).send({})).status,
    ).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };
  const newPage = async (email: string) => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, email);
    return { context, page };
  };

  it('admin finds a decision by a word in its rationale, supersedes it and follows the links both ways', async () => {
    const { context, page } = await newPage(ACCOUNTS.admin);
    await page.goto('/programme/governance');
    expect(await textOf(page.locator('h1'))).toBe('Governance');
    expect(await page.locator('a[href="/programme/check-ins"]').count()).toBe(1);
    await check(page);
    await screenshot(page, 'governance-hub');

    await page.goto('/programme/decisions');
    await page.getByLabel('Search words').fill(word);
    await navigate(page, page.getByRole('button', { name: 'Search' }));
    expect(page.url()).toContain(`q=${word}`);
    expect(await textOf(page.locator('#found'))).toContain(`Decisions found for “${word}”: 1`);
    await check(page);
    await screenshot(page, 'decisions-search');
    await navigate(page, page.getByRole('link', { name: oldTitle }));
    expect(await textOf(page.locator('h1'))).toBe(oldTitle);
    expect(await textOf(page.locator('#rationale'))).toContain(word);
    expect(await textOf(page.locator('#decision-status'))).toBe('Accepted');

    // Record the replacement through the form, then accept it.
    await navigate(
      page,
      page.getByRole('button', { name: 'Record a decision that replaces this one' }),
    );
    expect(await textOf(page.locator('h1'))).toBe('Record a decision that replaces another');
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Record the decision' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter a title for the decision',
    );
    await check(page);
    await page.getByLabel('Title').fill('Run one shared eligibility checker');
    await page.locator('#option1Title').fill('One shared checker');
    await page.locator('#option1Pros').fill('One integration\nOne contract');
    await page.locator('#option1Cons').fill('A single point of failure');
    await page.getByLabel('Why', { exact: true }).fill('One integration for 174 councils.');
    await page.getByLabel('Decided on').fill('2026-06-01');
    await page.getByLabel('Everyone in the programme').check();
    await screenshot(page, 'decision-form');
    await navigate(page, page.getByRole('button', { name: 'Record the decision' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('proposed');
    ids.replacement = new URL(page.url()).pathname.split('/').pop()!;
    await navigate(page, page.getByRole('button', { name: 'Accept the decision' }));
    expect(await textOf(page.locator('#decision-status'))).toBe('Accepted');
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('accepted');
    await check(page);
    await screenshot(page, 'decision');

    // Replaces → the old one, which now links forward to its replacement.
    await navigate(page, page.locator('#supersedes'));
    expect(await textOf(page.locator('h1'))).toBe(oldTitle);
    expect(await textOf(page.locator('#decision-status'))).toBe('Superseded');
    await check(page);
    await navigate(page, page.locator('#superseded-by'));
    expect(new URL(page.url()).pathname).toBe(`/programme/decisions/${ids.replacement}`);
    expect(await textOf(page.locator('h1'))).toBe('Run one shared eligibility checker');
    await context.close();
  });

  it('admin records minutes and an action on a meeting and marks an action done', async () => {
    const { context, page } = await newPage(ACCOUNTS.admin);
    await page.goto(`/programme/governance/groups/${ids.group}`);
    expect(await textOf(page.locator('#members-table'))).toContain('Observer');
    await check(page);
    await screenshot(page, 'governance-group');
    await navigate(page, page.getByRole('link', { name: meetingTitle }));
    expect(await textOf(page.locator('#agenda-table'))).toContain('Programme director');
    expect(await textOf(page.locator('#actions-table'))).toContain('Overdue');

    await page.getByLabel('Record or change the minutes').fill('Agreed to share the load tests.');
    await navigate(page, page.getByRole('button', { name: 'Save the minutes' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('minutes');
    await navigate(page, page.getByRole('button', { name: 'Add the action' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter what needs doing');
    await check(page);
    await page.getByLabel('What needs doing').fill('Publish the capacity plan');
    await page.getByLabel('Owner').fill('Programme director');
    await page.getByLabel('Due date').fill('2031-05-01');
    await navigate(page, page.getByRole('button', { name: 'Add the action' }));
    expect(await textOf(page.locator('#actions-table'))).toContain('Publish the capacity plan');
    await navigate(
      page,
      page.getByRole('button', { name: /Mark as done\s*: Share the load test results/ }),
    );
    const row = page.locator('#actions-table tr', { hasText: 'Share the load test results' });
    expect(await textOf(row)).toContain('Done');
    expect(await textOf(row)).not.toContain('Overdue');
    await check(page);
    await screenshot(page, 'governance-meeting');

    await page.goto(`/programme/governance/groups/${ids.group}/meetings/new`);
    await page.getByLabel('Title').fill('Supplier forum, April');
    await page.getByLabel('Date', { exact: true }).fill('2026-04-14');
    await page.getByLabel('Start time').fill('25:00');
    await navigate(page, page.getByRole('button', { name: 'Schedule the meeting' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a start time');
    await check(page);
    await page.getByLabel('Start time').fill('14:30');
    await page
      .getByLabel('Agenda')
      .fill('Checker capacity | Programme director | https://papers.example/april.pdf');
    await navigate(page, page.getByRole('button', { name: 'Schedule the meeting' }));
    expect(await textOf(page.locator('h1'))).toBe('Supplier forum, April');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('14 April 2026 at 14:30');
    await context.close();
  });

  it('a supplier or council member sees its group meeting and the decision taken there; one outside gets the 404 page', async () => {
    for (const [member, outsider, area] of [
      [ACCOUNTS.supplierA, ACCOUNTS.supplierB, 'supplier'],
      [ACCOUNTS.councilX, ACCOUNTS.councilY, 'council'],
    ] as const) {
      const { context, page } = await newPage(member);
      await page.goto(`/${area}/governance`);
      expect(await textOf(page.locator('h1'))).toBe('Governance');
      await check(page);
      if (area === 'supplier') await screenshot(page, 'governance-supplier');
      await navigate(page, page.getByRole('link', { name: groupName }));
      expect(await textOf(page.locator('h1'))).toBe(groupName);
      await check(page);
      await navigate(page, page.getByRole('link', { name: meetingTitle }));
      expect(await textOf(page.locator('h1'))).toBe(meetingTitle);
      expect(await page.locator('form[action*="/minutes"], form[action*="/actions"]').count()).toBe(
        0,
      );
      await check(page);
      await navigate(page, page.getByRole('link', { name: oldTitle }));
      expect(new URL(page.url()).pathname).toBe(`/${area}/governance/decisions/${ids.old}`);
      expect(await page.getByRole('button', { name: 'Revoke the decision' }).count()).toBe(0);
      await check(page);
      await context.close();

      const other = await newPage(outsider);
      for (const path of [
        `/${area}/governance/meetings/${ids.meeting}`,
        `/${area}/governance/groups/${ids.group}`,
        `/${area}/governance/decisions/${ids.old}`,
      ]) {
        const res = await other.page.goto(path);
        expect({ path, status: res?.status() }).toEqual({ path, status: 404 });
      }
      await check(other.page);
      await other.page.goto(`/${area}/governance`);
      expect(await other.page.getByRole('link', { name: groupName }).count()).toBe(0);
      await other.context.close();
    }
  });

  it('shows read-only roles no write controls and refuses their forged POSTs with 403', async () => {
    for (const who of [ACCOUNTS.viewer, ACCOUNTS.agency]) {
      const { context, page } = await newPage(who);
      for (const path of [
        `/programme/decisions/${ids.replacement}`,
        `/programme/decisions`,
        `/programme/governance/meetings/${ids.meeting}`,
        `/programme/governance/groups/${ids.group}`,
      ]) {
        await page.goto(path);
        const writes = await page
          .locator('main form[method="post"], main a[href$="/new"], main a[href*="/new?"]')
          .count();
        expect({ who, path, writes }).toEqual({ who, path, writes: 0 });
      }
      await check(page);
      await context.close();
      const { agent, token } = await pageClient(api, who);
      for (const [path, body] of [
        ['/programme/decisions', { title: 'Forged' }],
        [`/programme/decisions/${ids.replacement}/revoke`, { reason: 'Forged', version: '1' }],
        [`/programme/governance/meetings/${ids.meeting}/minutes`, { minutes: 'x', version: '1' }],
        [
          `/programme/governance/meetings/${ids.meeting}/actions`,
          { title: 'x', owner: 'x', dueDate: '2031-01-01' },
        ],
      ] as const) {
        const res = await agent
          .post(path)
          .type('form')
          .send({ ...body, _csrf: await token() });
        expect({ who, path, status: res.status }).toEqual({ who, path, status: 403 });
      }
    }
    const [{ status }] = await api.db.query(`SELECT status FROM decisions WHERE id = $1`, [
      ids.replacement,
    ]);
    expect(status).toBe('accepted');
  });

  it('has Welsh on every governance page, with no axe violations', async () => {
    const { context, page } = await newPage(ACCOUNTS.admin);
    await page.goto('/programme/governance');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Llywodraethu');
    await check(page);
    for (const path of [
      `/programme/governance/groups/${ids.group}`,
      `/programme/governance/groups/${ids.group}/meetings/new`,
      `/programme/governance/meetings/${ids.meeting}`,
      `/programme/decisions?q=${word}`,
      `/programme/decisions/new?supersedes=${ids.replacement}`,
      `/programme/decisions/${ids.old}`,
      `/programme/decisions/${ids.replacement}`,
    ]) {
      await page.goto(path);
      expect(await page.getAttribute('html', 'lang')).toBe('cy');
      await check(page);
    }
    await screenshot(page, 'decision-cy');
    await context.close();
    for (const [who, area] of [
      [ACCOUNTS.supplierA, 'supplier'],
      [ACCOUNTS.councilX, 'council'],
    ] as const) {
      const other = await newPage(who);
      await other.page.goto(`/${area}/governance`);
      await navigate(other.page, other.page.getByRole('button', { name: 'Cymraeg' }));
      await check(other.page);
      for (const path of [
        `/${area}/governance/groups/${ids.group}`,
        `/${area}/governance/meetings/${ids.meeting}`,
        `/${area}/governance/decisions/${ids.old}`,
      ]) {
        await other.page.goto(path);
        await check(other.page);
      }
      await other.context.close();
    }
  });

  it('answers malformed bodies on every governance form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.admin);
    const fresh = await as(api, p.admin).post('/api/v1/decisions').send({ title: 'Fuzz target' });
    const forms = [
      '/programme/decisions',
      `/programme/decisions/${fresh.body.id}/accept`,
      `/programme/decisions/${fresh.body.id}/revoke`,
      `/programme/governance/groups/${ids.group}/meetings`,
      `/programme/governance/meetings/${ids.meeting}/minutes`,
      `/programme/governance/meetings/${ids.meeting}/actions`,
      `/programme/governance/meetings/${ids.meeting}/actions/${ids.action}/status`,
    ];
    const fields = [
      'title',
      'context',
      'rationale',
      'option1Title',
      'option1Pros',
      'decidedByMeetingId',
      'decidedOn',
      'reviewDate',
      'supersedesId',
      'publicToProgramme',
      'reason',
      'version',
      'minutes',
      'owner',
      'dueDate',
      'status',
      'date',
      'time',
      'agenda',
      'attendees',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', '-1', 'null', '[]', '{}', '\u0000', 'x'.repeat(20001), 'a|b|c'),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...forms),
        fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }),
        async (path, body) => {
          const res = await agent
            .post(path)
            .type('form')
            .send({ ...body, _csrf: await token() });
          if (res.status >= 500)
            failures.push(`${path} ${JSON.stringify(body).slice(0, 200)} → ${res.status}`);
        },
      ),
      { numRuns: 40, seed: 20 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token());
      const raw = await agent
        .post(path)
        .type('form')
        .send(`%%%&&title[a]=1&version[]=2&_csrf=${_csrf}`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(20);
    expect(violations).toEqual([]);
  });
});
