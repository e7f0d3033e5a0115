import { describe, expect, it } from "vitest";
import { resolveActor } from "../access/resolve-actor.js";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri } from "../seed/helsinki/index.js";
import { org } from "../seed/helsinki/organisations.js";
import {
  canManageLegalHolds,
  legalHoldInputSchema,
  legalHoldScopeFor,
  legalHoldWithinScope,
} from "./legal-hold-rules.js";

const day = "2026-11-22";
const organisations = indexOrganisations(helsinkiAnkkuri.organisations);
const context = { agreement: helsinkiAnkkuri.agreement, organisations };
const actor = (login: string) => {
  const resolved = resolveActor(helsinkiAnkkuri, login, day);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.value;
};
const teamId = helsinkiAnkkuri.team.id;
const scopeOf = (login: string) => legalHoldScopeFor(actor(login), teamId, context.agreement, organisations, day);

describe("who may manage legal holds", () => {
  it("lets auditors hold the whole team's data and a registry office its own controller's", () => {
    expect(scopeOf("outi.tarkka")).toEqual({ kind: "team" });
    expect(scopeOf("liisa.kirjava")).toEqual({ kind: "controller", controllerId: org.sotepe });
  });

  it("refuses caseworkers, the supervisor, administrators, leadership and another team's people", () => {
    for (const login of ["maria.jarvinen", "tuomas.lehtinen", "kari.nurmi", "mikko.rantanen", "sari.niemela"])
      expect(scopeOf(login)).toBeNull();
    expect(canManageLegalHolds(actor("outi.tarkka"), "another-team")).toBe(false);
    expect(legalHoldScopeFor(actor("outi.tarkka"), "another-team", context.agreement, organisations, day)).toBeNull();
  });

  it("reaches for a controller only what one of its organisations took part in", () => {
    const police = [{ organisationId: org.policePrevention, basis: "selecting-unit", from: "2026-10-01" }] as const;
    const shared = [...police, { organisationId: org.psychiatry, basis: "meeting-seat", from: "2026-10-02" }] as const;
    const sotepe = { kind: "controller", controllerId: org.sotepe } as const;
    expect(legalHoldWithinScope({ kind: "team" }, police, context)).toBe(true);
    expect(legalHoldWithinScope(sotepe, police, context)).toBe(false);
    expect(legalHoldWithinScope(sotepe, shared, context)).toBe(true);
    expect(legalHoldWithinScope(sotepe, [], context)).toBe(false);
  });

  it("asks for a known reason and a reference", () => {
    expect(legalHoldInputSchema.safeParse({ reason: "complaint", reference: " EOAK/1/2026 " }).data).toEqual({
      reason: "complaint",
      reference: "EOAK/1/2026",
    });
    expect(legalHoldInputSchema.safeParse({ reason: "curiosity", reference: "x" }).success).toBe(false);
    expect(legalHoldInputSchema.safeParse({ reason: "litigation", reference: "  " }).success).toBe(false);
  });
});
