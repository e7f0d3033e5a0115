import type {
  CaseAccessDocument,
  CaseAssessmentDocument,
  CaseDetailDocument,
  MeetingLogisticsDocument,
  OrganisationTreeDocument,
} from "@ankkuri/client/operations";
import type { ResultOf } from "@graphql-typed-document-node/core";

export type CaseDetail = NonNullable<ResultOf<typeof CaseDetailDocument>["case"]>;
export type Meeting = CaseDetail["meetings"][number];
/** A meeting's time, place, invitations and record. */
export type MeetingLogistics = NonNullable<ResultOf<typeof MeetingLogisticsDocument>["case"]>["meetings"][number];
/** The latest assessment and the open goals, as far as the reader may see them. */
export type CaseAssessment = NonNullable<ResultOf<typeof CaseAssessmentDocument>["case"]>;
export type TakingPart = NonNullable<ResultOf<typeof CaseAccessDocument>["case"]>["organisations"];
/** An organisation of the tree, flattened for a picker, with its depth for indenting. */
export type Organisation = { id: string; name: string; depth: number };

/** The organisation tree (three levels) as one list in tree order. */
export function flatten(roots: ResultOf<typeof OrganisationTreeDocument>["organisations"]): Organisation[] {
  const organisations: Organisation[] = [];
  for (const root of roots) {
    organisations.push({ id: root.id, name: root.name, depth: 0 });
    for (const child of root.children) {
      organisations.push({ id: child.id, name: child.name, depth: 1 });
      for (const grandchild of child.children)
        organisations.push({ id: grandchild.id, name: grandchild.name, depth: 2 });
    }
  }
  return organisations;
}

/** The client's name as shown. */
export const clientName = (c: CaseDetail): string => `${c.client.givenName} ${c.client.familyName}`;

/** What every form of the case screen starts from: the case as read, and how to read it again. */
export interface CaseProps {
  c: CaseDetail;
  reload: () => Promise<void>;
}

/** The organisations a form offers: those taking part in the case (core) and the whole tree. */
export interface OrganisationChoices {
  coreOrganisations: { id: string; name: string }[];
  organisations: Organisation[];
}
