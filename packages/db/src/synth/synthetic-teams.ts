import { helsinkiAnkkuri, type TeamDataset, teamDatasetSchema } from "@ankkuri/domain";
import { fictionalName, loginOf } from "./fictional-names.js";
import { createRandom, deriveSeed } from "./random.js";

/** A team to seed: its dataset, the people who sign in to it included. */
export interface SeedableTeam {
  dataset: TeamDataset;
}

// Fictional police department areas; a number makes each team's name unique.
const areas = [
  "Itä-Kaakko",
  "Länsi-Ranta",
  "Pohjois-Harju",
  "Etelä-Niemi",
  "Keski-Laakso",
  "Sisä-Järvi",
  "Ylä-Koski",
  "Ala-Virta",
  "Salmi-Saari",
  "Kallio-Mäki",
];

// Names of the cloned teams' people depend on the team number only, not on the run's seed, so that
// seeding a team again (with another seed) finds the same rows and changes nothing.
const nameSeed = 0x5eed;

/** `st-hpl-lehtinen` → `st-s02-hpl-lehtinen`: the Helsinki id with the team's tag after its kind. */
function retag(id: string, tag: string): string {
  const dash = id.indexOf("-");
  return dash < 0 ? `${id}-${tag}` : `${id.slice(0, dash)}-${tag}${id.slice(dash)}`;
}

/**
 * Team `number` (2–99): the Helsinki dataset cloned with new ids for everything team-scoped (team,
 * agreement, signatures, staff, assignments, clearances, premises access, premises, bodies and seats,
 * users and role assignments) and new fictional people. Organisations are Helsinki's: a clone is a
 * second working group of the same parties, which keeps every reference valid.
 */
export function clonedTeam(number: number): SeedableTeam {
  if (!Number.isInteger(number) || number < 2 || number > 99) throw new RangeError("cloned teams are numbered 2–99");
  const two = String(number).padStart(2, "0");
  const tag = `s${two}`;
  const teamId = `team-synth-${two}`;
  const agreementId = `agreement-synth-${two}`;
  const random = createRandom(deriveSeed(nameSeed, number));
  const source = helsinkiAnkkuri;
  const area = `${areas[(number - 2) % areas.length] ?? "Itä-Kaakko"} ${String(number)}`;

  const logins = new Set<string>();
  const uniqueLogin = (name: { givenName: string; familyName: string }) => {
    const base = loginOf(name);
    let login = base;
    for (let n = 2; logins.has(login); n++) login = `${base}${String(n)}`;
    logins.add(login);
    return login;
  };
  const people = new Map(
    source.staff.map((s) => {
      const name = fictionalName(random, "adult");
      return [
        s.id,
        { id: retag(s.id, tag), givenName: name.givenName, familyName: name.familyName, login: uniqueLogin(name) },
      ];
    }),
  );
  const person = (staffId: string) => {
    const p = people.get(staffId);
    if (!p) throw new Error(`staff ${staffId} is not in the Helsinki dataset`);
    return p;
  };

  // Staff keep their people's logins; the others become new fictional people of their own.
  const users = source.users.map((u) => {
    if (u.staffId !== null) {
      const p = person(u.staffId);
      return { ...u, teamId, login: p.login, displayName: `${p.givenName} ${p.familyName}`, staffId: p.id };
    }
    const name = fictionalName(random, "adult");
    return { ...u, teamId, login: uniqueLogin(name), displayName: `${name.givenName} ${name.familyName}` };
  });
  const cloneLogins = new Map(source.users.map((u, i) => [u.login, users[i]?.login ?? u.login]));

  const dataset = teamDatasetSchema.parse({
    ...source,
    users,
    roleAssignments: source.roleAssignments.map((r) => ({
      ...r,
      teamId,
      id: retag(r.id, tag),
      login: cloneLogins.get(r.login) ?? r.login,
    })),
    team: {
      ...source.team,
      id: teamId,
      code: `synth-${two}`,
      name: { fi: `Ankkuri ${area}`, sv: `Ankkuri ${area}`, en: `Ankkuri ${area} (synthetic)` },
      agreementId,
      // Fictional Finnish-speaking areas: their reports are Finnish only, beside bilingual Helsinki.
      reportLanguages: ["fi"],
    },
    agreement: {
      ...source.agreement,
      id: agreementId,
      teamId,
      // 2.999 is the OID arc reserved for examples: no real agreement can carry it.
      oid: `2.999.${String(number)}`,
      title: {
        fi: `[Synteettinen] ${source.agreement.title.fi}`,
        sv: `[Syntetisk] ${source.agreement.title.sv}`,
        en: `[Synthetic] ${source.agreement.title.en}`,
      },
      signatures: source.agreement.signatures.map((s) => ({ ...s, id: retag(s.id, tag) })),
      joiningDecisions: source.agreement.joiningDecisions.map((d) => ({ ...d, id: retag(d.id, tag) })),
      notices: source.agreement.notices.map((n) => ({ ...n, id: retag(n.id, tag) })),
    },
    staff: source.staff.map((s) => {
      const p = person(s.id);
      return { ...s, teamId, id: p.id, givenName: p.givenName, familyName: p.familyName, login: p.login };
    }),
    assignments: source.assignments.map((a) => ({ ...a, teamId, id: retag(a.id, tag), staffId: person(a.staffId).id })),
    clearances: source.clearances.map((c) => ({ ...c, id: retag(c.id, tag), staffId: person(c.staffId).id })),
    premisesAccess: source.premisesAccess.map((p) => ({ ...p, id: retag(p.id, tag), staffId: person(p.staffId).id })),
    // Premises ids are scoped by team, so a clone keeps them.
    premises: source.premises.map((p) => ({ ...p, teamId })),
    bodies: source.bodies.map((b) => ({
      ...b,
      teamId,
      id: retag(b.id, tag),
      parentBodyId: b.parentBodyId === null ? null : retag(b.parentBodyId, tag),
      seats: b.seats.map((s) => ({ ...s, id: retag(s.id, tag) })),
    })),
  });

  return { dataset };
}

/** The teams of a run: Helsinki first, then `count − 1` clones. */
export function syntheticTeams(count: number): SeedableTeam[] {
  const teams: SeedableTeam[] = [{ dataset: helsinkiAnkkuri }];
  for (let n = 2; n <= count; n++) teams.push(clonedTeam(n));
  return teams;
}
