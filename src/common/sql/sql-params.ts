/**
 * The one binder for hand-written SQL: `p.add(value)` returns the placeholder for it.
 *
 * - Positional (raw `query(sql, p.values)`): `$1`, `$2`, … — or from `$offset + 1` when the
 *   caller binds its own first `offset` parameters (`new SqlParams(offset)`; the caller
 *   passes `[...own, ...p.values]`).
 * - Named (TypeORM query builders and `escapeQueryWithParameters`):
 *   `SqlParams.named('vis')` returns `:vis1`, `:vis2`, … with `p.byName` as the parameters
 *   object; the prefix keeps names unique within one builder.
 *
 * SQL fragments shared between modules (visibility rules, filters) take a SqlParams and
 * return SQL, so the same rule serves raw statements and query builders alike.
 */
export class SqlParams {
  readonly values: unknown[] = [];

  constructor(
    private readonly offset = 0,
    private readonly prefix: string | null = null,
  ) {}

  static named(prefix: string): SqlParams {
    return new SqlParams(0, prefix);
  }

  add(value: unknown): string {
    this.values.push(value);
    const n = this.offset + this.values.length;
    return this.prefix === null ? `$${n}` : `:${this.prefix}${n}`;
  }

  /** The parameters as an object for named placeholders. */
  get byName(): Record<string, unknown> {
    return Object.fromEntries(this.values.map((v, i) => [`${this.prefix}${i + 1}`, v]));
  }
}
