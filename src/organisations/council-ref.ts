import { GSS_CODE } from './dto/council-group.dto.js';

/** A council reference: its id (UUID) or its GSS code (e.g. E09000001). */
export const COUNCIL_REF =
  /^([EW]\d{8}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const isGssCode = (ref: string): boolean => GSS_CODE.test(ref);

/**
 * SQL for the council id a reference names, given the placeholder holding it: the
 * placeholder itself for an id, a sub-select by GSS code otherwise (no extra round trip).
 */
export const councilIdSql = (ref: string, placeholder: string): string =>
  isGssCode(ref)
    ? `(SELECT id FROM organisations WHERE type = 'COUNCIL' AND gss_code = ${placeholder})`
    : `${placeholder}::uuid`;
