/**
 * SQL fingerprint of a requirement's content over alias `r`: the fields whose change makes
 * a requirement "changed" in a version diff (title, description, level, category,
 * acceptance criteria). Copy-forward carries an answer over only when code and
 * fingerprint both match.
 */
export const requirementHashSql = (r: string) =>
  `md5(concat_ws(E'\\x1f', ${r}.title, ${r}.description, ${r}.level, ${r}.category, ${r}.acceptance_criteria))`;
