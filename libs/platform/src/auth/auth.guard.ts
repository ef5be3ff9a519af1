import {
  ForbiddenException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACTOR_KEY } from './actor';
import { IS_PUBLIC, REQUIRED_ROLES } from './auth.decorators';
import { hasAnyRole, type Role } from './roles';
import { InvalidToken, KeysUnavailable, type TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TOKEN_VERIFIER');

type Request = { headers: Record<string, string | string[] | undefined>; [ACTOR_KEY]?: unknown };

/** Global: every HTTP route needs a valid bearer token unless marked @Public(); @Roles() narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verify: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Only HTTP is guarded here; bus consumers authenticate by contract, not by bearer token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request>();
    const actor = await this.verify(bearerToken(request)).catch((error: unknown) => {
      if (error instanceof InvalidToken) throw new UnauthorizedException(error.message);
      if (error instanceof KeysUnavailable) throw new ServiceUnavailableException(error.message);
      throw error;
    });
    request[ACTOR_KEY] = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    if (!hasAnyRole(actor, roles))
      throw new ForbiddenException(`Requires one of the roles: ${roles.join(', ')}`);
    return true;
  }
}

const bearerToken = (request: Request): string => {
  const header = request.headers.authorization;
  const token = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  if (!token) throw new UnauthorizedException('A bearer token is required (Authorization: Bearer <JWT>)');
  return token;
};
