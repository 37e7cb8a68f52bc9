import type { Member, Role } from '../../shared/roles.ts';
import { AppError } from '../errors.ts';

/** Throws role_not_allowed unless the member has one of the roles. */
export function requireRole(member: Member, ...roles: Role[]): void {
  if (roles.includes(member.role)) return;
  const allowed = roles.map((role) => `${role}s`).join(' and ');
  throw new AppError('role_not_allowed', `Only ${allowed} can do that; you are a ${member.role}.`);
}
