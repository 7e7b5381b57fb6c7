import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'access:public';

/** Marks a route or controller as callable without authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
