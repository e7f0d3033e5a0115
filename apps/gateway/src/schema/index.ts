import { builder } from "../builder.js";
import { caseCountCap } from "./case-list-page.js";
import "./scalars.js";
import "./common.js";
import "./errors.js";
import "./organisation.js";
import "./viewer.js";
import "./agreement.js";
import "./staffing.js";
import "./governance.js";
import "./case.js";
import "./case-queries.js";
import "./case-mutations.js";
import "./case-links.js";
import "./assessments.js";
import "./meeting-calendar.js";
import "./case-workers.js";
import "./admin-mutations.js";
import "./staff-administration.js";
import "./agreement-amendments.js";
import "./body-meetings.js";
import "./consultations.js";
import "./report.js";
import "./client-rights.js";
import "./legal-holds.js";

builder.mutationType({
  description: "Changes (muutokset). Expected failures come back as typed results in each mutation's result union.",
});
builder.queryType({
  description:
    "Reads (kyselyt). Every field needs a bearer token; client data is visible only on a need-to-know basis.",
});

const built = builder.toSchema({ sortSchema: true });

// A few generated fields offer no option for a description; give them one here.
const missing: Record<string, Record<string, string>> = {
  Query: { "node.id": "Global id of the object.", "nodes.ids": "Global ids of the objects." },
  QueryCasesConnection: {
    nodes: "The cases of the page.",
    totalCount: `How many cases match the filter in all (not only this page): exact up to ${caseCountCap.toLocaleString("en")}; when more match, ${caseCountCap.toLocaleString("en")} and \`totalCountIsCapped\` is true.`,
  },
};
for (const [typeName, fields] of Object.entries(missing)) {
  const type = built.getType(typeName);
  if (!type || !("getFields" in type)) continue;
  const typeFields = type.getFields();
  for (const [key, description] of Object.entries(fields)) {
    const [fieldName = "", argName] = key.split(".");
    const field = typeFields[fieldName];
    if (!field) continue;
    if (argName === undefined) field.description ??= description;
    else {
      const arg = "args" in field ? field.args.find((a) => a.name === argName) : undefined;
      if (arg) arg.description ??= description;
    }
  }
}

/** The gateway's GraphQL schema. */
export const schema = built;
