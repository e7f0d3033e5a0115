import { visibleCaseIds } from "@ankkuri/db";
import { isCaseworker } from "@ankkuri/domain";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "../context.js";
import { errorCodes, unauthenticated } from "../errors.js";

/** Global ids fetched at most per `nodes` request. */
export const maxNodeIds = 100;

type GlobalId = { typename: string; id: string };

const malformed = () =>
  new GraphQLError("Invalid global ID: it names no object of a type that can be fetched", {
    extensions: { code: errorCodes.badUserInput, http: { status: 400 } },
  });

/**
 * The case a global id names (`["<team>","<case uuid>"]`). An id that cannot name a case at all is
 * the client's mistake (BAD_USER_INPUT); one that could, whether or not the case exists, is answered
 * by {@link visibleIds}.
 */
function caseKeyOf(globalId: GlobalId): { teamId: string; caseId: string } {
  if (globalId.typename !== "Case") throw malformed();
  let parsed: unknown;
  try {
    parsed = JSON.parse(globalId.id);
  } catch {
    throw malformed();
  }
  const [teamId, caseId] = Array.isArray(parsed) && parsed.length === 2 ? (parsed as unknown[]) : [];
  if (typeof teamId !== "string" || typeof caseId !== "string") throw malformed();
  return { teamId, caseId };
}

/**
 * Which of the global ids name a case the actor may see today. A case of another team or
 * organisation and an id of no case are answered the same way, as null, so that `node` tells nobody
 * what exists.
 */
async function visibleIds(ctx: GatewayContext, ids: readonly GlobalId[]): Promise<boolean[]> {
  if (!ctx.actor) throw unauthenticated(ctx.authFailure?.reason ?? "TOKEN_MISSING");
  const access = ctx.access;
  const keys = ids.map(caseKeyOf);
  if (!access || !isCaseworker(ctx.actor)) return ids.map(() => false);
  const candidates = keys.flatMap((k) => (k.teamId === access.teamId ? [k.caseId] : []));
  const visible = await visibleCaseIds(ctx.db, access, candidates);
  return keys.map((k) => k.teamId === access.teamId && visible.has(k.caseId));
}

/** `node(id:)`: the object when the actor may see it, null otherwise (whether it exists or not). */
export async function resolveNode(
  args: { id: GlobalId },
  ctx: GatewayContext,
  load: () => Promise<unknown>,
): Promise<unknown> {
  const [visible] = await visibleIds(ctx, [args.id]);
  return visible ? load() : null;
}

/** `nodes(ids:)`: as `node`, for at most {@link maxNodeIds} ids, in the order asked. */
export async function resolveNodes(
  args: { ids: GlobalId[] },
  ctx: GatewayContext,
  load: () => Promise<readonly unknown[]>,
): Promise<unknown[]> {
  if (args.ids.length > maxNodeIds) {
    throw new GraphQLError(`At most ${String(maxNodeIds)} ids can be fetched at once`, {
      extensions: { code: errorCodes.badUserInput, http: { status: 400 } },
    });
  }
  const visible = await visibleIds(ctx, args.ids);
  const asked = args.ids;
  // The relay plugin loads the ids of `args`: give it only the visible ones, then put the nulls back.
  args.ids = asked.filter((_, i) => visible[i]);
  const loaded = args.ids.length === 0 ? [] : await load();
  let next = 0;
  return asked.map((_, i) => (visible[i] ? loaded[next++] : null));
}
