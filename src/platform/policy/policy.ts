import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';

/**
 * A module's policy: `can(actor, action, resource)` answers yes or no, default deny.
 * Services call `authorize` before they touch data, so every entry point (REST, CLI,
 * imports, exports) goes through the same rule.
 */
export type Policy<Action extends string, Resource> = (actor: Actor, action: Action, resource: Resource) => boolean;

export function authorize<Action extends string, Resource>(
  policy: Policy<Action, Resource>,
  actor: Actor,
  action: Action,
  resource: Resource,
): void {
  if (policy(actor, action, resource)) return;
  throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', `not allowed: ${action}`);
}
