import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { TFunction } from 'i18next';
import { ProblemException } from '../../common/errors/problem.exception.js';

/** One GOV.UK form error: the field it belongs to and the translated message. */
export interface FormError {
  field: string;
  text: string;
}

/** The error summary's list, each linking to its field. */
export const summaryList = (errors: FormError[]) =>
  errors.map((e) => ({ text: e.text, href: `#${e.field}` }));

/** The inline message for a field, in the shape govuk macros take (`errorMessage`). */
export const inlineErrors = (errors: FormError[]): Record<string, { text: string }> =>
  Object.fromEntries(errors.map((e) => [e.field, { text: e.text }]));

/**
 * Validates a form with the same DTO class and class-validator rules as the API
 * (whitelisting unknown fields away), and turns each failed constraint into a message
 * from the catalogue: `forms.<form>.<field>.<constraint>` if the form words it itself,
 * else the generic `validation.<constraint>` with the field's label. Returns the DTO or
 * the errors (first error per field, in form order).
 */
export async function validateForm<T extends object>(
  cls: new () => T,
  input: Record<string, unknown>,
  form: string,
  t: TFunction,
): Promise<{ dto: T; errors: FormError[] }> {
  const dto = plainToInstance(cls, input);
  const found: ValidationError[] = await validate(dto, {
    whitelist: true,
    forbidUnknownValues: true,
  });
  const errors = found.map((e) => {
    const constraint = Object.keys(e.constraints ?? {})[0] ?? 'invalid';
    return { field: e.property, text: fieldMessage(t, form, e.property, constraint, e.contexts) };
  });
  return { dto, errors };
}

/** A form's catalogue prefix: `forms.<form>`, or the form itself when it is a dotted path. */
const formKey = (form: string) => (form.includes('.') ? form : `forms.${form}`);

function fieldMessage(
  t: TFunction,
  form: string,
  field: string,
  constraint: string,
  _contexts: unknown,
): string {
  const own = `${formKey(form)}.${field}.${constraint}`;
  const label = t(`${formKey(form)}.${field}.label`).toLowerCase();
  if (t(own, { defaultValue: '' })) return t(own);
  return t(`validation.${constraint}`, {
    label,
    defaultValue: t('validation.invalid', { label }),
  });
}

/**
 * A service's 400 with field errors (checks the DTO cannot express, e.g. a date in the
 * past) as form errors; null for anything else.
 */
export function serviceFieldErrors(err: unknown, form: string, t: TFunction): FormError[] | null {
  if (!(err instanceof ProblemException) || err.getStatus() !== 400) return null;
  const fields = err.extensions.errors ?? [];
  if (fields.length === 0) return null;
  return fields.map((f) => ({
    field: f.field,
    text: t(`${formKey(form)}.${f.field}.service`, {
      defaultValue: t('validation.invalid', { label: t(`${formKey(form)}.${f.field}.label`) }),
    }),
  }));
}
