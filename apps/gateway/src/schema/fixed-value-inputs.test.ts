import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  ageBandCodes,
  bodyKinds,
  bodyTiers,
  clearanceScopes,
  guardianRelationships,
  noteKinds,
  professions,
  signatureMethods,
} from "@ankkuri/domain";
import { buildSchema, getNamedType, isEnumType, isInputObjectType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const contract = buildSchema(readFileSync(join(root, "schema.graphql"), "utf8"));

interface StringInput {
  coordinate: string;
  name: string;
  description: string;
}

/** Every input field and argument of type String (or a list of them) in the contract. */
function stringInputs(): StringInput[] {
  return Object.values(contract.getTypeMap()).flatMap((type): StringInput[] => {
    if (type.name.startsWith("__")) return [];
    if (isInputObjectType(type))
      return Object.values(type.getFields())
        .filter((f) => getNamedType(f.type).name === "String")
        .map((f) => ({ coordinate: `${type.name}.${f.name}`, name: f.name, description: f.description ?? "" }));
    if (isObjectType(type))
      return Object.values(type.getFields()).flatMap((f) =>
        f.args
          .filter((a) => getNamedType(a.type).name === "String")
          .map((a) => ({
            coordinate: `${type.name}.${f.name}(${a.name})`,
            name: a.name,
            description: a.description ?? "",
          })),
      );
    return [];
  });
}

/** The named type of an object type's field. */
function outputTypeName(typeName: string, fieldName: string): string | null {
  const type = contract.getType(typeName);
  if (!isObjectType(type)) return null;
  const field = type.getFields()[fieldName];
  return field ? getNamedType(field.type).name : null;
}

/** The value names of an enum, as the printed contract sorts them. */
function enumValueNames(typeName: string): string[] {
  const type = contract.getType(typeName);
  return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
}

/** A reference to a record (a UUID or a seeded id), a login, or a document's reference: open by nature. */
const isReference = (name: string) => /(Id|Ids|^login|^reference)$/.test(name);

/** Reviewed String inputs that are not references, each with why its values are open. */
const reviewed: Record<string, string> = {
  "AddCaseNoteInput.body": "free text",
  "AddStaffMemberInput.familyName": "a person's name",
  "AddStaffMemberInput.givenName": "a person's name",
  "AddStaffMemberInput.title": "a job title as the employer words it",
  "AgreementPartyInput.contactEmail": "an e-mail address",
  "AgreementPartyInput.contactName": "a person's name",
  "AgreementPartyInput.contactPhone": "a phone number",
  "AgreementPartyInput.contactTitle": "a job title",
  "BodyMeetingAttendeeInput.name": "a person's name",
  "BodyMeetingAttendeeInput.title": "a job title",
  "BodyMeetingItemInput.text": "free text",
  "BodyMeetingSeatInput.roleTitle": "a role title as the body words it",
  "ClientInput.familyName": "a person's name",
  "ClientInput.givenName": "a person's name",
  "ClientInput.identityCode": "a personal identity code, checked by the domain",
  "CorrectConsentWithdrawalInput.reason": "free text",
  "GoalInput.description": "free text",
  "GrantPremisesAccessInput.areas": "free text",
  "GuardianInput.familyName": "a person's name",
  "GuardianInput.givenName": "a person's name",
  "JoiningApprovalInput.reference": "a decision's reference",
  "LocalisedTextInput.en": "free text",
  "MeetingPlaceInput.description": "a place in words, when it is none of the team's premises",
  "LocalisedTextInput.fi": "free text",
  "LocalisedTextInput.sv": "free text",
  "Query.cases(after)": "an opaque cursor",
  "Query.cases(before)": "an opaque cursor",
  "RecordAssessmentInput.summary": "free text",
  "RecordConsultationInput.topic": "free text",
  "RecordExistingClientshipInput.responsibleWorkerName": "a person's name",
  "RecordJoiningDecisionInput.description": "free text",
  "PlanMeetingInput.startTime": "a clock time (HH:MM, Helsinki time), checked by the domain",
  "RecordMeetingHeldInput.attended": "participant ids",
  "SignAgreementInput.signerName": "a person's name",
  "SignAgreementInput.signerTitle": "a job title",
  "UpdateStaffMemberInput.familyName": "a person's name",
  "UpdateStaffMemberInput.givenName": "a person's name",
  "UpdateStaffMemberInput.title": "a job title",
};

/** Names that hold one of a fixed set of values wherever they appear. */
const fixedValueName =
  /^(kind|scope|relationship|role|status|type|types|profession|sector|tier|method|relation|language|format|severity|basis|progress|cause|causes)$/;

/**
 * Whether a description lists the allowed values: "parent, legal-guardian or other.", also after a
 * lead-in ("Age band today: under-15, 15-17 or 18-plus.", "One of …", "(…)"). Three values or more,
 * or fewer that look like codes (a hyphen, digit, underscore or backtick, or capitals): "notes or
 * comments" is prose.
 */
function listsValues(description: string): boolean {
  const list = /(?:^|: |\bone of |\()((?:`?[\w-]+`?, )*`?[\w-]+`?,? or `?[\w-]+`?)(?:[.;)]|$)/i.exec(
    description.trim(),
  );
  const values = list?.[1]?.split(/,? or |, /) ?? [];
  return values.length >= 3 || (values.length > 0 && values.some((v) => /[-_\d`]|^[A-Z]{2,}$/.test(v)));
}

describe("fixed-value inputs are enums", () => {
  const inputs = stringInputs();

  it("finds the String inputs it reviews (the walk itself works)", () => {
    expect(inputs.map((i) => i.coordinate)).toEqual(
      expect.arrayContaining(["AddCaseNoteInput.body", "Query.cases(after)"]),
    );
  });

  it.each([
    "parent, legal-guardian or other.",
    "Age band today: under-15, 15-17 or 18-plus.",
    "One of narrow, standard or extended.",
    "The report's language (FI or SV).",
    "Format: `pdf` or `csv`.",
  ])("reads %j as a list of allowed values", (description) => {
    expect(listsValues(description)).toBe(true);
  });

  it.each([
    "Free text: notes or comments.",
    "The person's login in the identity provider (a–z, 0–9, . _ -).",
    "The cases (UUIDs), two to ten.",
    "Start time on the planned day, HH:MM (24-hour clock), Helsinki time (Europe/Helsinki).",
    "What was decided, by whom and when.",
  ])("reads %j as no list of values", (description) => {
    expect(listsValues(description)).toBe(false);
  });

  it("has no String input whose name or description says its values are a closed set", () => {
    const closed = inputs.filter((i) => fixedValueName.test(i.name) || listsValues(i.description));
    expect(closed.map((i) => i.coordinate)).toEqual([]);
  });

  it("has every String input reviewed: a reference, or open text for the reason given here", () => {
    const unreviewed = inputs.filter((i) => !isReference(i.name) && !(i.coordinate in reviewed));
    // A new String input: make it an enum (enumOf in enums.ts) if its values are a closed set, else add it above.
    expect(unreviewed.map((i) => i.coordinate)).toEqual([]);
  });

  it("keeps no stale entry in the reviewed list", () => {
    const present = new Set(inputs.map((i) => i.coordinate));
    expect(Object.keys(reviewed).filter((c) => !present.has(c))).toEqual([]);
  });

  const typedInputs: [input: string, field: string, enumName: string, values: readonly string[]][] = [
    ["GuardianInput", "relationship", "GuardianRelationship", guardianRelationships],
    ["AddCaseNoteInput", "kind", "NoteKind", noteKinds],
    ["RecordClearanceInput", "scope", "ClearanceScope", clearanceScopes],
    ["AddStaffMemberInput", "profession", "Profession", professions],
    ["SignAgreementInput", "method", "SignatureMethod", signatureMethods],
  ];
  it.each(typedInputs)("types %s.%s as the %s enum with the domain's values", (input, field, enumName, values) => {
    const type = contract.getType(input);
    if (!isInputObjectType(type)) throw new Error(`${input} is not an input type`);
    const fieldConfig = type.getFields()[field];
    expect(fieldConfig ? getNamedType(fieldConfig.type).name : null).toBe(enumName);
    expect(enumValueNames(enumName)).toEqual(values.map((v) => v.toUpperCase().replaceAll("-", "_")).sort());
  });

  it("types the case list's age band filter, and the band a client is in, as the AgeBandCode enum", () => {
    const filter = contract.getType("CaseFilter");
    if (!isInputObjectType(filter)) throw new Error("CaseFilter is not an input type");
    const ageBand = filter.getFields().ageBand;
    expect(ageBand ? getNamedType(ageBand.type).name : null).toBe("AgeBandCode");
    expect(outputTypeName("AgeBand", "code")).toBe("AgeBandCode");
    // The domain's codes start with digits (15-17), so the enum names them: one name per band.
    expect(enumValueNames("AgeBandCode")).toEqual(["FROM_15_TO_17", "FROM_18", "UNDER_15"]);
    expect(enumValueNames("AgeBandCode")).toHaveLength(ageBandCodes.length);
  });

  it("types the cooperation bodies' kind filter and their kind and tier as the domain's enums", () => {
    const kindArg = contract
      .getQueryType()
      ?.getFields()
      .cooperationBodies?.args.find((a) => a.name === "kind");
    expect(kindArg ? getNamedType(kindArg.type).name : null).toBe("BodyKind");
    expect(outputTypeName("CooperationBody", "kind")).toBe("BodyKind");
    expect(outputTypeName("CooperationBody", "tier")).toBe("BodyTier");
    expect(enumValueNames("BodyTier")).toEqual(bodyTiers.map((v) => v.toUpperCase()).sort());
    expect(enumValueNames("BodyKind")).toHaveLength(bodyKinds.length);
  });
});
