import { accessChain } from "../access/case-membership.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import type { OrganisationIndex } from "../organisations/organisation.js";

/**
 * How the cases of one family are related (003 § 4.2: "lapsia ja nuoria sekä heidän perheitään";
 * "monitoimijaista lähisuhdeväkivaltatyötä"): siblings, young people of one household, or the parties
 * of domestic violence, each case with its party's role.
 */
export const caseLinkRelations = ["siblings", "same-household", "domestic-violence-parties"] as const;
export type CaseLinkRelation = (typeof caseLinkRelations)[number];

/** A case's role in a domestic-violence link: the victim, the perpetrator, or a child who witnessed it. */
export const domesticViolenceRoles = ["victim", "perpetrator", "witness-child"] as const;
export type DomesticViolenceRole = (typeof domesticViolenceRoles)[number];

/** Most cases one link joins: a family, not a register. */
export const maxLinkedCases = 10;

/** One case of a link, with its role (domestic-violence links only). */
export interface LinkedCase {
  caseId: string;
  role: DomesticViolenceRole | null;
}

/** Cases of one team joined by a relation, from `linkedOn` until `unlinkedOn` (kept, never deleted). */
export interface CaseLink {
  id: string;
  relation: CaseLinkRelation;
  cases: LinkedCase[];
  linkedOn: LocalDate;
  unlinkedOn: LocalDate | null;
}

/** Codes of the rules a link is refused by. */
export type CaseLinkRuleCode =
  | "LINK.TOO_FEW_CASES"
  | "LINK.TOO_MANY_CASES"
  | "LINK.DUPLICATE_CASE"
  | "LINK.ROLE_MISSING"
  | "LINK.ROLE_NOT_APPLICABLE"
  | "LINK.ROLE_OF_OTHER_CASE"
  | "LINK.CORE_TEAM_ONLY"
  | "LINK.ALREADY_LINKED"
  | "LINK.ALREADY_UNLINKED";

/**
 * True when a person of `organisationId` belongs to the core team on the day: their organisation or
 * one it belongs to is one of `coreOrganisationIds` (`accessChain`).
 */
export function inCoreTeam(
  organisationId: OrganisationId,
  coreOrganisationIds: readonly OrganisationId[],
  organisations?: OrganisationIndex,
): boolean {
  return accessChain(organisationId, organisations).some((o) => coreOrganisationIds.includes(o));
}

/**
 * Need-to-know for changing a link (003 § 9): only someone who sees every one of its cases in full
 * may link them or end the link. Anyone else is answered as for cases that do not exist, so that
 * linking is no way to learn whether a case exists.
 */
export function mayChangeLink(accessToEachCase: readonly ("full" | "limited" | null)[]): boolean {
  return accessToEachCase.length > 0 && accessToEachCase.every((a) => a === "full");
}

/** What linking is checked against, beyond the request. */
export interface LinkContext {
  /** Whether the person linking is of the core team on the day (`inCoreTeam`). */
  linkerInCoreTeam: boolean;
  /** The team's links in force among the requested cases. */
  existing: readonly Pick<CaseLink, "id" | "relation" | "cases" | "unlinkedOn">[];
}

/** A request to link cases: the cases, the relation and, for domestic violence, each case's role. */
export interface LinkRequest {
  relation: CaseLinkRelation;
  caseIds: readonly string[];
  roles: readonly { caseId: string; role: DomesticViolenceRole }[];
}

/** The request's cases in the order given, each with the role given for it. */
export function linkedCasesOf(request: Pick<LinkRequest, "caseIds" | "roles">): LinkedCase[] {
  return request.caseIds.map((caseId) => ({
    caseId,
    role: request.roles.find((r) => r.caseId === caseId)?.role ?? null,
  }));
}

const pairsOf = (ids: readonly string[]) => ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));

/**
 * Why the cases may not be linked: fewer than two cases or more than {@link maxLinkedCases}, a case
 * named twice, a role given for a case outside the link or twice, a domestic-violence link without
 * each case's role or another link with roles, a domestic-violence link by someone outside the core
 * team (it is theirs alone to see), or two of the cases already linked by the same relation (never
 * told of a domestic-violence link to someone outside the core team).
 */
export function caseLinkRefusals(request: LinkRequest, context: LinkContext): Violation<CaseLinkRuleCode>[] {
  const found: Violation<CaseLinkRuleCode>[] = [];
  const ids = [...request.caseIds];
  const cases = linkedCasesOf(request);
  const distinct = [...new Set(ids)];
  if (distinct.length < 2) {
    found.push(
      violation(
        "LINK.TOO_FEW_CASES",
        ids,
        {
          fi: "Linkitä vähintään kaksi eri asiakkuutta.",
          sv: "Länka minst två olika klientskap.",
          en: "Link at least two different cases.",
        },
        { path: ["caseIds"] },
      ),
    );
  }
  if (ids.length > maxLinkedCases) {
    found.push(
      violation(
        "LINK.TOO_MANY_CASES",
        [],
        {
          fi: `Yhteen linkkiin voi kuulua enintään ${String(maxLinkedCases)} asiakkuutta.`,
          sv: `En länk kan omfatta högst ${String(maxLinkedCases)} klientskap.`,
          en: `A link joins at most ${String(maxLinkedCases)} cases.`,
        },
        { path: ["caseIds"] },
      ),
    );
  }
  if (distinct.length !== ids.length) {
    const twice = ids.filter((id, i) => ids.indexOf(id) !== i);
    found.push(
      violation(
        "LINK.DUPLICATE_CASE",
        [...new Set(twice)],
        {
          fi: "Sama asiakkuus on linkissä kahdesti.",
          sv: "Samma klientskap finns två gånger i länken.",
          en: "The same case is named twice.",
        },
        { path: ["caseIds"] },
      ),
    );
  }
  const stray = request.roles.filter((r) => !ids.includes(r.caseId));
  const doubled = request.roles.filter((r, i) => request.roles.findIndex((x) => x.caseId === r.caseId) !== i);
  if (stray.length + doubled.length > 0) {
    found.push(
      violation(
        "LINK.ROLE_OF_OTHER_CASE",
        [...new Set([...stray, ...doubled].map((r) => r.caseId))],
        {
          fi: "Rooli on annettu asiakkuudelle, joka ei kuulu linkkiin, tai samalle asiakkuudelle kahdesti.",
          sv: "En roll har angetts för ett klientskap som inte ingår i länken, eller två gånger för samma klientskap.",
          en: "A role is given for a case outside the link, or twice for one case.",
        },
        { path: ["roles"] },
      ),
    );
  }
  if (request.relation === "domestic-violence-parties") {
    const missing = cases.filter((c) => c.role === null).map((c) => c.caseId);
    if (missing.length > 0) {
      found.push(
        violation(
          "LINK.ROLE_MISSING",
          missing,
          {
            fi: "Kerro lähisuhdeväkivaltalinkissä jokaisen asiakkuuden osapuolen rooli (uhri, tekijä tai väkivaltaa nähnyt lapsi).",
            sv: "Ange i en länk om våld i nära relationer rollen för varje klientskap (offer, förövare eller barn som bevittnat våldet).",
            en: "Give each case's role in a domestic-violence link (victim, perpetrator or witness child).",
          },
          { path: ["roles"] },
        ),
      );
    }
    if (!context.linkerInCoreTeam) {
      found.push(
        violation(
          "LINK.CORE_TEAM_ONLY",
          [],
          {
            fi: "Lähisuhdeväkivallan osapuolia voi linkittää vain ydintiimin jäsen, ja vain ydintiimi näkee linkin.",
            sv: "Endast kärnteamets medlemmar kan länka parterna i våld i nära relationer, och endast kärnteamet ser länken.",
            en: "Only a member of the core team can link the parties of domestic violence, and only the core team sees the link.",
          },
          { path: ["relation"] },
        ),
      );
    }
  } else if (request.roles.length > 0) {
    found.push(
      violation(
        "LINK.ROLE_NOT_APPLICABLE",
        [...new Set(request.roles.map((r) => r.caseId))],
        {
          fi: "Osapuolten roolit kirjataan vain lähisuhdeväkivaltalinkkiin.",
          sv: "Parternas roller registreras endast i en länk om våld i nära relationer.",
          en: "Roles are recorded only in a domestic-violence link.",
        },
        { path: ["roles"] },
      ),
    );
  }
  // Someone outside the core team is not told of a domestic-violence link: it is not theirs to see.
  const seesRelation = request.relation !== "domestic-violence-parties" || context.linkerInCoreTeam;
  const live = seesRelation
    ? context.existing.filter((l) => l.unlinkedOn === null && l.relation === request.relation)
    : [];
  for (const [a, b] of pairsOf(distinct)) {
    const already = live.find((l) => l.cases.some((c) => c.caseId === a) && l.cases.some((c) => c.caseId === b));
    if (already) {
      found.push(
        violation(
          "LINK.ALREADY_LINKED",
          [already.id, a, b],
          {
            fi: "Asiakkuudet on jo linkitetty samalla perusteella.",
            sv: "Klientskapen är redan länkade på samma grund.",
            en: "The cases are already linked by the same relation.",
          },
          { path: ["caseIds"] },
        ),
      );
      break;
    }
  }
  return found;
}

/** Why a link may not be ended: it has been ended already. */
export function unlinkRefusals(link: Pick<CaseLink, "id" | "unlinkedOn">): Violation<CaseLinkRuleCode>[] {
  if (link.unlinkedOn === null) return [];
  return [
    violation("LINK.ALREADY_UNLINKED", [link.id], {
      fi: "Linkki on jo purettu.",
      sv: "Länken har redan tagits bort.",
      en: "The link has already been ended.",
    }),
  ];
}

/** Who looks at a link: whether they are of the core team, and which cases they may see (`canSeeCase`). */
export interface LinkViewer {
  inCoreTeam: boolean;
  canSee: (caseId: string) => boolean;
}

/**
 * What a link shows its viewer (need-to-know, 003 § 9): only the linked cases they may see anyway.
 * A link in force is shown only when they see at least two of its cases (one alone would tell that a
 * hidden relative exists); a domestic-violence link only to the core team. `null`: nothing is shown,
 * and nothing tells that the link exists.
 */
export function linkShownTo(link: CaseLink, viewer: LinkViewer): LinkedCase[] | null {
  if (link.unlinkedOn !== null) return null;
  if (link.relation === "domestic-violence-parties" && !viewer.inCoreTeam) return null;
  const seen = link.cases.filter((c) => viewer.canSee(c.caseId));
  return seen.length >= 2 ? seen : null;
}
