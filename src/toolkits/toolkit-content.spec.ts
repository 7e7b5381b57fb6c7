import { describe, expect, it } from '@jest/globals';
import { ProblemException } from '../common/errors/problem.exception.js';
import { checkToolkitContent, servedContentType } from './toolkit-content.js';

const statusOf = (type: string, body: Buffer | string) => {
  try {
    checkToolkitContent(type, Buffer.from(body));
    return 'ok';
  } catch (e) {
    return (e as ProblemException).getStatus();
  }
};

describe('toolkit content checks', () => {
  it('accepts allow-listed types whose bytes look right, keeping the bare media type', () => {
    expect(checkToolkitContent('Application/JSON; charset=utf-8', Buffer.from('{"a":1}'))).toBe(
      'application/json',
    );
    expect(statusOf('application/pdf', '%PDF-1.7\n...')).toBe('ok');
    expect(statusOf('application/zip', Buffer.from([0x50, 0x4b, 3, 4, 0]))).toBe('ok');
    expect(statusOf('application/yaml', 'openapi: 3.0.3\n')).toBe('ok');
    expect(statusOf('text/csv', 'a,b\n1,2\n')).toBe('ok');
  });

  it('415 for types off the list, 422 for empty or mismatched bytes', () => {
    expect(statusOf('application/octet-stream', 'x')).toBe(415);
    expect(statusOf('', 'x')).toBe(415);
    expect(statusOf('text/html', '<p>')).toBe(415);
    expect(statusOf('application/json', '')).toBe(422);
    expect(statusOf('application/json', '{')).toBe(422);
    expect(statusOf('application/pdf', 'PDF')).toBe(422);
    expect(statusOf('application/zip', 'PK')).toBe(422);
    expect(statusOf('text/plain', Buffer.from([0xff, 0xfe, 0x41]))).toBe(422);
    expect(statusOf('text/plain', Buffer.from([0x41, 0x00]))).toBe(422);
  });

  it('serves text types with their charset', () => {
    expect(servedContentType('text/csv')).toBe('text/csv; charset=utf-8');
    expect(servedContentType('application/pdf')).toBe('application/pdf');
  });
});
