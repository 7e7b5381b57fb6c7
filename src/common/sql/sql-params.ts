/**
 * Positional parameters for hand-written SQL: `p.add(value)` returns `$n`, and
 * `p.values` goes to `query(sql, p.values)`. The one binder for every module's SQL
 * (adoption and dashboards use it; the remaining hand-counted `$${n + 1}` sites in
 * communications and products are to move to it).
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}
