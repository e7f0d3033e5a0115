import { accessRoles, type Actor } from "@ankkuri/domain";
import { builder } from "../builder.js";
import { LanguageEnum, localisedColumns } from "./common.js";
import "./localised-field.js";
import { enumOf } from "./enums.js";

export const AccessRoleEnum = enumOf(
  "AccessRole",
  "An access role (käyttörooli). Only caseworker roles ever see client data.",
  accessRoles,
  {
    "police-officer": "A police officer of the core team (poliisi); sees client data.",
    "operational-supervisor":
      "The operational supervisor (poliisiesimies) who leads and coordinates daily work; sees client data.",
    "social-worker": "A social worker of the core team (sosiaalityöntekijä); sees client data.",
    "psychiatric-nurse": "A psychiatric nurse of the core team (psykiatrinen sairaanhoitaja); sees client data.",
    "youth-worker": "A youth worker of the core team (nuorisotyöntekijä); sees client data.",
    "steering-group-member": "A member of the steering group (ohjausryhmän jäsen); sees aggregates only.",
    "party-leadership": "A party's leadership (osapuolen johto); sees its party's aggregates only.",
    "auditor": "An auditor (auditoija); reads the access log, never the cases.",
    "registry-office": "A controller's registry office (kirjaamo); answers its clients' requests for their access log.",
    "team-administrator": "A team administrator (pääkäyttäjä); manages organisations, staff and bodies.",
  },
);

export const Team = builder.drizzleObject("teams", {
  name: "Team",
  description: "An Ankkuri team (Ankkuri-tiimi): the working group of one agreement in one police department's area.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID("id", { description: "Team id." }),
    code: t.exposeString("code", { description: "Short code, e.g. helsinki." }),
    name: t.localised((team) => localisedColumns(team, "name"), { description: "Name in the requested language." }),
    policeDepartment: t.relation("policeDepartment", {
      description: "The police department hosting the team (poliisilaitos).",
    }),
    agreement: t.relation("agreement", { nullable: true, description: "The team's cooperation agreement (sopimus)." }),
    reportLanguages: t.field({
      type: [LanguageEnum],
      resolve: (team) => team.reportLanguages,
      description:
        "The languages the team's scheduled reports (the annual evaluation and the monthly statistics) are produced in, each once per period (raporttien kielet): FI, SV or both; Helsinki, officially bilingual, has both. A team administrator sets them with `setTeamReportLanguages`.",
    }),
  }),
});

const ViewerRef = builder.objectRef<Actor>("Viewer").implement({
  description: "The signed-in person (kirjautunut käyttäjä), from the verified token.",
  fields: (t) => ({
    login: t.exposeString("login", { description: "Login (the token's subject)." }),
    name: t.exposeString("name", { description: "Display name." }),
    roles: t.field({ type: [AccessRoleEnum], resolve: (a) => a.roles, description: "Access roles." }),
    staffMemberId: t.id({
      nullable: true,
      description:
        "The person's own staff member id (the case list's `assignedTo` for \"my cases\"); null for an account that is no staff member of the team.",
      resolve: async (actor, _args, ctx) =>
        (await ctx.team()).dataset.users.find((u) => u.login === actor.login)?.staffId ?? null,
    }),
    organisation: t.drizzleField({
      type: "organisations",
      description: "The organisation the person acts for.",
      resolve: (query, actor, _args, ctx) =>
        ctx.db.query.organisations
          .findFirst(query({ where: { id: actor.organisationId } }))
          .then((o) => o ?? Promise.reject(new Error("organisation missing"))),
    }),
    team: t.drizzleField({
      type: "teams",
      description: "The person's team.",
      resolve: (query, actor, _args, ctx) =>
        ctx.db.query.teams
          .findFirst(query({ where: { id: actor.teamId } }))
          .then((o) => o ?? Promise.reject(new Error("team missing"))),
    }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: ViewerRef,
    description: "Who is signed in, with their roles, organisation and team.",
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.actor as Actor,
  }),
}));
