import { accessRoles, idSchema, loginSchema } from "@ankkuri/domain";
import type { JWTPayload } from "jose";
import { z } from "zod";

/**
 * Who a verified token says the person is: its subject names their login. A token may also name the
 * team, organisation and roles it expects; those are never taken as given, only compared with what
 * the database says (`resolveActor`), and a mismatch is refused.
 */
export interface TokenIdentity {
  login: string;
  name?: string | undefined;
  claims: { teamId?: string | undefined; organisationId?: string | undefined; roles?: string[] | undefined };
}

const claimsSchema = z.object({
  sub: loginSchema,
  name: z.string().min(1).max(200).optional(),
  team_id: idSchema.optional(),
  organisation_id: idSchema.optional(),
  roles: z.array(z.enum(accessRoles)).optional(),
});

/** The identity a token's claims give, or null when they are malformed (documented in docs/gateway.md). */
export function identityFromClaims(payload: JWTPayload): TokenIdentity | null {
  const parsed = claimsSchema.safeParse(payload);
  if (!parsed.success) return null;
  const { sub, name, team_id, organisation_id, roles } = parsed.data;
  return { login: sub, name, claims: { teamId: team_id, organisationId: organisation_id, roles } };
}

/** The claims the development issuer writes: the login, and optionally the team it is for. */
export function claimsFor(user: { login: string; name?: string; teamId?: string }): JWTPayload {
  return {
    sub: user.login,
    ...(user.name ? { name: user.name } : {}),
    ...(user.teamId ? { team_id: user.teamId } : {}),
  };
}
