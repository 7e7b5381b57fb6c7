import type { TFunction } from 'i18next';

/**
 * A JSON pointer (RFC 6901) in plain words: "" is the whole sample, `/items/0/name` is
 * "“name” in item 1 of “items”". Array positions are counted from 1 as people count. Used
 * wherever a sample's schema errors are shown (a standard's "validate a sample", a
 * submission's samples).
 */
export function describePointer(pointer: string, t: TFunction): string {
  if (pointer === '') return t('common.jsonPointer.root');
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let words = '';
  for (const part of parts) {
    if (/^\d+$/.test(part)) {
      const n = Number(part) + 1;
      words = words
        ? t('common.jsonPointer.item', { n, of: words })
        : t('common.jsonPointer.topItem', { n });
    } else {
      words = words ? t('common.jsonPointer.member', { name: part, of: words }) : `“${part}”`;
    }
  }
  return words;
}
