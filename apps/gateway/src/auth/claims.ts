import { type Actor, actorSchema } from "@ankkuri/domain";
import type { JWTPayload } from "jose";

/**
 * The claims a token must carry (documented in docs/gateway.md): `sub` the login, `name`,
 * `team_id`, `organisation_id` and `roles`. Anything else is ignored.
 */
export function actorFromClaims(payload: JWTPayload): Actor | null {
  const parsed = actorSchema.safeParse({
    login: payload.sub,
    name: payload.name,
    teamId: payload.team_id,
    organisationId: payload.organisation_id,
    roles: payload.roles,
  });
  return parsed.success ? parsed.data : null;
}

/** Claims for an actor, as the development issuer writes them. */
export function claimsFor(actor: Actor): JWTPayload {
  return {
    sub: actor.login,
    name: actor.name,
    team_id: actor.teamId,
    organisation_id: actor.organisationId,
    roles: actor.roles,
  };
}
