import type { OpenAPIObject } from '@nestjs/swagger';

// @nestjs/swagger exports only the document type; the parts are derived from it.
export type PathItem = OpenAPIObject['paths'][string];
export type Operation = NonNullable<PathItem['get']>;
export type Responses = Operation['responses'];
export type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;
export type Schema = Exclude<
  NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string],
  { $ref: string }
>;
