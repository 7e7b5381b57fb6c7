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
    // Data access lives in each module's repositories (docs/architecture.md, "Repositories"):
    // nothing else injects the DataSource or runs SQL; services pass a unit of work's
    // EntityManager to repository methods.
    files: ['src/**/*.ts'],
    ignores: [
      'src/**/*.repository.ts',
      'src/**/*.spec.ts',
      'src/**/*.seeder.ts',
      'src/**/demo-*.ts',
      'src/database/**',
      'src/queue/**',
      'src/health/**',
      'src/cli/**',
      'src/common/sql/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ImportSpecifier[imported.name=/^(DataSource|InjectDataSource|Repository|InjectRepository)$/]',
          message: 'Only a module repository (*.repository.ts) injects the DataSource.',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository|save|insert|upsert|stream)$/]',
          message: 'SQL belongs in the module repository (*.repository.ts).',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(find|findOne|findOneBy|findBy|findOneOrFail|create|update|delete|count|countBy|exists|existsBy|increment|decrement|remove|softDelete)$/][arguments.0.type='Identifier'][arguments.0.name=/^[A-Z]/]:not([arguments.0.name=/^(Boolean|Number|String|Object|Array|Date)$/])",
          message: 'Entity reads and writes belong in the module repository (*.repository.ts).',
        },
      ],
    },
  },
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
