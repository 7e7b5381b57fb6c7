import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/errors/problem.exception.js';
import { DIGEST_BODY, DIGEST_SUBJECT } from './handlers/supplier-digest.handler.js';
import { TemplateRenderer, type TemplateView } from './template-renderer.js';

const view: TemplateView = {
  supplier: { name: 'Smith & Jones <Ltd>' },
  contact: { name: 'Sam', email: 'sam@example.test' },
  communication: { topic: 'admissions', acknowledgeBy: '2026-12-01' },
  ackLink: 'https://x.test/ack?a=1&b=2',
  outstanding: [{ kind: 'acknowledgement', title: 'Read me', due: '2026-12-01', link: 'l' }],
};

describe('TemplateRenderer', () => {
  it('accepts the known placeholders, sections and list items', () => {
    const t =
      'Hi {{contact.name}} at {{supplier.name}}{{#communication.acknowledgeBy}}, by {{.}}{{/communication.acknowledgeBy}}' +
      '{{#outstanding}}- {{title}} ({{due}}){{/outstanding}}{{^ackLink}}none{{/ackLink}}{{! note }}';
    expect(TemplateRenderer.problems('body', t)).toEqual([]);
  });

  it('names every unknown placeholder, partial and syntax error', () => {
    expect(TemplateRenderer.problems('body', '{{supplier.nmae}} {{{secret}}} {{&x}}')).toEqual([
      { field: 'body', message: 'unknown placeholder {{supplier.nmae}}' },
      { field: 'body', message: 'unknown placeholder {{secret}}' },
      { field: 'body', message: 'unknown placeholder {{x}}' },
    ]);
    expect(TemplateRenderer.problems('body', '{{.}} {{title}}')).toEqual([
      { field: 'body', message: 'unknown placeholder {{.}}' },
      { field: 'body', message: 'unknown placeholder {{title}}' },
    ]);
    expect(TemplateRenderer.problems('s', '{{> header}}')[0].message).toMatch(/partials/);
    expect(TemplateRenderer.problems('s', '{{#ackLink}}')[0].message).toMatch(/invalid template/);
  });

  it('refuses names inherited from Object.prototype, as sections too', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(TemplateRenderer.problems('body', `{{${name}}}`)).toEqual([
        { field: 'body', message: `unknown placeholder {{${name}}}` },
      ]);
      expect(TemplateRenderer.problems('body', `{{#${name}}}x{{/${name}}}`)).toEqual([
        { field: 'body', message: `unknown placeholder {{${name}}}` },
      ]);
    }
    expect(TemplateRenderer.problems('body', '{{#products}}{{constructor}}{{/products}}')).toEqual([
      { field: 'body', message: 'unknown placeholder {{constructor}}' },
    ]);
  });

  it('renders with a view that has no prototype', () => {
    expect(TemplateRenderer.render('[{{toString}}]', view, { html: false })).toBe('[]');
  });

  it('assertValid throws a 400 with field errors', () => {
    expect.assertions(3);
    try {
      TemplateRenderer.assertValid({ subjectTemplate: 'ok', bodyTemplate: '{{nope}}' });
    } catch (err) {
      expect(err).toBeInstanceOf(ProblemException);
      expect((err as ProblemException).getStatus()).toBe(400);
      expect((err as ProblemException).extensions.errors).toEqual([
        { field: 'bodyTemplate', message: 'unknown placeholder {{nope}}' },
      ]);
    }
  });

  it('escapes HTML only when asked', () => {
    const t = '{{supplier.name}} {{ackLink}}';
    expect(TemplateRenderer.render(t, view, { html: false })).toBe(
      'Smith & Jones <Ltd> https://x.test/ack?a=1&b=2',
    );
    expect(TemplateRenderer.render(t, view, { html: true })).toBe(
      'Smith &amp; Jones &lt;Ltd&gt; https:&#x2F;&#x2F;x.test&#x2F;ack?a&#x3D;1&amp;b&#x3D;2',
    );
  });
});

describe('system templates', () => {
  it('the digest templates use only known placeholders', () => {
    expect(TemplateRenderer.problems('subject', DIGEST_SUBJECT)).toEqual([]);
    expect(TemplateRenderer.problems('body', DIGEST_BODY)).toEqual([]);
  });
});
