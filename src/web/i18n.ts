import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import { LOCALES_DIR } from './web-paths.js';

export const LANGUAGES = ['en', 'cy'] as const;
export type Language = (typeof LANGUAGES)[number];
export const isLanguage = (v: unknown): v is Language => v === 'en' || v === 'cy';

const readJson = (file: string): Record<string, unknown> =>
  JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

/**
 * A language's catalogue: `locales/<lang>.json` (shared words and the first pages) plus one
 * file per feature namespace in `locales/<lang>/<namespace>.json`, each becoming the
 * top-level key named by the file. A namespace defined twice is an error, not an overwrite.
 */
export function loadCatalogue(lang: Language): Record<string, unknown> {
  const catalogue = readJson(join(LOCALES_DIR, `${lang}.json`));
  const dir = join(LOCALES_DIR, lang);
  if (!existsSync(dir)) return catalogue;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const namespace = basename(file, '.json');
    if (namespace in catalogue) throw new Error(`locales: namespace ${namespace} defined twice`);
    catalogue[namespace] = readJson(join(dir, file));
  }
  return catalogue;
}

/** One i18next instance for the process, both catalogues loaded at boot (no I/O per request). */
let instance: i18n | undefined;
export function translator(): i18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      initAsync: false,
      lng: 'en',
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      resources: {
        en: { translation: loadCatalogue('en') },
        cy: { translation: loadCatalogue('cy') },
      },
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return instance;
}

export const tFor = (lang: Language): TFunction => translator().getFixedT(lang);

/**
 * The language a request asks for before any choice: the first of `en`/`cy` in
 * Accept-Language by quality (RFC 9110), English otherwise.
 */
export function fromAcceptLanguage(header: string | undefined): Language {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q) : 1, index };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((x) => x.lang).find(isLanguage) ?? 'en';
}

const LOCALES: Record<Language, string> = { en: 'en-GB', cy: 'cy-GB' };

/** Dates and numbers per locale, through Intl (formatters built once per language). */
export function formatters(lang: Language) {
  const date = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });
  const dateTime = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/London',
  });
  const number = new Intl.NumberFormat(LOCALES[lang]);
  const toDate = (v: unknown): Date | null => {
    if (v instanceof Date) return v;
    if (typeof v !== 'string' || v === '') return null;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T12:00:00Z` : v);
    return Number.isNaN(d.getTime()) ? null : d;
  };
  return {
    date: (v: unknown) => {
      const d = toDate(v);
      return d ? date.format(d) : '';
    },
    dateTime: (v: unknown) => {
      const d = toDate(v);
      return d ? dateTime.format(d) : '';
    },
    number: (v: unknown) => (typeof v === 'number' ? number.format(v) : ''),
  };
}
export type Formatters = ReturnType<typeof formatters>;
const FORMATTERS: Record<Language, Formatters> = { en: formatters('en'), cy: formatters('cy') };
export const formattersFor = (lang: Language): Formatters => FORMATTERS[lang];
