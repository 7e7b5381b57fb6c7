// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The module layers of docs/architecture.md ("Layout and layers"): a module imports only
 * from its own layer or lower ones; upward needs go through domain events.
 */
const LAYERS = [
  ['config', 'database', 'common', 'queue', 'health', 'logging'],
  ['auth', 'audit'],
  ['organisations', 'catalogue', 'requirements', 'standards'],
  [
    'products',
    'conformance',
    'adoption',
    'risks',
    'benefits',
    'readiness',
    'interop',
    'decisions',
    'governance',
    'check-ins',
    'toolkits',
  ],
  ['communications', 'dashboards', 'public'],
  ['web', 'admin', 'app', 'cli'],
];

/** Composition roots that list every module by design (entities, seeding). */
const COMPOSITION_ROOTS = ['src/database/entities.ts', 'src/database/seed/**'];

/**
 * The one documented upward need: a user and an API token belong to an organisation, so
 * auth's entities relate to the Organisation entity, and auth names its type and its
 * reference view (never a service).
 */
const ALLOWED_UPWARD = {
  auth: [
    'organisations/organisation\\.entity\\.js',
    'organisations/organisation-type\\.js',
    'organisations/dto/organisation-ref-view\\.dto\\.js',
  ],
};

const layerRules = LAYERS.slice(0, -1).flatMap((modules, i) => {
  const higher = LAYERS.slice(i + 1).flat();
  return modules.map((module) => {
    const allowed = ALLOWED_UPWARD[/** @type {keyof typeof ALLOWED_UPWARD} */ (module)] ?? [];
    const except = allowed.length ? `(?!${allowed.join('$|')}$)` : '';
    return {
      files: [`src/${module}/**/*.ts`],
      ignores: COMPOSITION_ROOTS,
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^(\\.\\./)+${except}(${higher.join('|')})/`,
                message: `${module} is in layer L${i}: it may not import from a higher layer (docs/architecture.md, "Layout and layers"); use a domain event.`,
              },
            ],
          },
        ],
      },
    };
  });
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.local/**', '*.js', 'scripts/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  ...layerRules,
  {
    files: ['scripts/**', 'bench/**', 'test/**', 'src/**/cli/**', 'src/cli/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Tests read HTTP responses (`res.body` is `any` in supertest by design; the contract
    // check validates every body against the OpenAPI document, and typed calls go through
    // test/support/typed-client.ts) and write async callbacks that need no await.
    files: ['test/**', 'src/**/*.spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
