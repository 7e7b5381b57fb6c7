import { plainToInstance, Type } from 'class-transformer';
import {
  IsEmail,
  IsInt,
  IsString,
  Max,
  validateSync,
  ValidateNested,
  type ValidationError,
} from 'class-validator';
import { describe, expect, it } from '@jest/globals';
import { ProblemException } from './problem.exception.js';
import { flattenValidationErrors, validationException } from './validation-errors.js';

class AddressDto {
  @IsString() postcode: string;
}
class ContactDto {
  @IsString() name: string;
  @IsEmail() email: string;
  @ValidateNested() @Type(() => AddressDto) address: AddressDto;
}
class SupplierDto {
  @IsInt() @Max(10) count: number;
  @ValidateNested({ each: true }) @Type(() => ContactDto) contacts: ContactDto[];
}

const validate = (plain: object): ValidationError[] =>
  validateSync(plainToInstance(SupplierDto, plain));

describe('flattenValidationErrors', () => {
  it('turns nested and array errors into field paths', () => {
    const errors = validate({
      count: 99,
      contacts: [
        { name: 'Ann', email: 'not-an-email', address: { postcode: 'SW1A 1AA' } },
        { name: 'Bob', email: 'bob@example.org', address: { postcode: 7 } },
      ],
    });
    const fields = flattenValidationErrors(errors).map((e) => e.field);
    expect(fields.sort()).toEqual(['contacts[0].email', 'contacts[1].address.postcode', 'count']);
  });

  it('keeps one entry per failed constraint, each with a message', () => {
    const errors = validate({ count: 'many', contacts: [] });
    const flat = flattenValidationErrors(errors);
    expect(flat.map((e) => e.field)).toEqual(['count', 'count']);
    for (const e of flat) expect(e.message).toMatch(/count/);
  });

  it('returns nothing for valid input', () => {
    expect(flattenValidationErrors(validate({ count: 1, contacts: [] }))).toEqual([]);
  });
});

describe('validationException', () => {
  it('is a 400 validation_failed problem carrying the field errors', () => {
    const exception = validationException(
      validate({ count: 99, contacts: [{ name: 'A', address: 'SW1A 1AA' }] }),
    );
    expect(exception).toBeInstanceOf(ProblemException);
    expect(exception.getStatus()).toBe(400);
    expect(exception.code).toBe('validation_failed');
    const fields = (exception.extensions.errors ?? []).map((e) => e.field).sort();
    expect(fields).toEqual(['contacts[0].address', 'contacts[0].email', 'count']);
    expect(exception.message).toBe(`${fields.length} field(s) failed validation`);
  });
});
