import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const IS_PUBLIC = 'cartera:isPublic';
export const REQUIRED_ROLES = 'cartera:roles';

/** The route (or controller) needs no bearer token: health, docs, metrics. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** The caller needs one of these roles (admin always passes); on a method or a controller. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
