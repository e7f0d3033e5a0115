import { severities, type Violation } from "@ankkuri/domain";
import { InputValidationError } from "@pothos/plugin-validation";
import { builder } from "../builder.js";
import {
  ConflictFailure,
  InvalidInputFailure,
  type MutationFailure,
  NotFoundFailure,
  RuleViolationFailure,
} from "../errors.js";
import { inLanguage, languageArgument, LocalisedTextRef } from "./common.js";
import "./localised-field.js";
import { enumOf } from "./enums.js";

export const SeverityEnum = enumOf("Severity", "How serious a finding is (vakavuus).", severities, {
  error: "A rule of the agreement or the law is broken (virhe).",
  warning: "A target is missed or something needs attention (varoitus).",
});

export const RuleViolationRef = builder.objectRef<Violation>("RuleViolation").implement({
  description: "One broken rule (sääntörikkomus), as the domain library reports it.",
  fields: (t) => ({
    code: t.exposeString("code", { description: "Stable machine-readable code, AREA.RULE (e.g. CONSENT.MISSING)." }),
    severity: t.field({ type: SeverityEnum, resolve: (v) => v.severity, description: "Error or warning." }),
    message: t.localised((v) => v.message, { description: "Readable message in the requested language." }),
    messages: t.field({
      type: LocalisedTextRef,
      resolve: (v) => v.message,
      description: "The message in Finnish, Swedish and English.",
    }),
    ids: t.exposeStringList("ids", { description: "Ids of the records at fault, most specific first." }),
    path: t.stringList({
      resolve: (v) => (v.path ?? []).map(String),
      description: "Where in the input the problem is, if it concerns an input.",
    }),
  }),
});

type AnyFailure = MutationFailure | InputValidationError;

const failureCode = (e: AnyFailure) => (e instanceof InputValidationError ? "INPUT.INVALID" : e.code);
const failurePath = (e: AnyFailure) =>
  e instanceof InputValidationError
    ? (e.issues[0]?.path ?? []).map((p) => String(typeof p === "object" ? p.key : p))
    : e.path;

export const ErrorInterface = builder.interfaceRef<AnyFailure>("Error").implement({
  description: "An expected failure of a mutation (virhe), returned in the result union instead of as a GraphQL error.",
  fields: (t) => ({
    code: t.string({
      resolve: failureCode,
      description: "Stable machine-readable code (e.g. CONSENT.MISSING, CONFLICT.STALE_VERSION, INPUT.INVALID).",
    }),
    message: t.string({
      args: { language: t.arg(languageArgument) },
      resolve: (e, args, ctx) =>
        e instanceof InputValidationError ? e.message : inLanguage(e.messages, args.language, ctx.language),
      description: "Readable message in the requested language.",
    }),
    path: t.stringList({
      resolve: failurePath,
      description: "Path of the input field at fault; empty when the whole request is refused.",
    }),
  }),
});

builder.objectType(RuleViolationFailure, {
  name: "RuleViolationError",
  description: "The domain rules refuse the change (sääntö estää muutoksen); `violations` lists every reason.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof RuleViolationFailure,
  fields: (t) => ({
    violations: t.field({ type: [RuleViolationRef], resolve: (e) => e.violations, description: "Every broken rule." }),
  }),
});

builder.objectType(ConflictFailure, {
  name: "ConflictError",
  description:
    "The record changed after the client read it (ristiriita): reload it and try again. Nothing was written.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ConflictFailure,
  fields: (t) => ({
    currentVersion: t.int({
      nullable: true,
      resolve: (e) => e.currentVersion,
      description: "The version stored now, when known.",
    }),
  }),
});

builder.objectType(NotFoundFailure, {
  name: "NotFoundError",
  description: "The record does not exist or is not visible to the caller (ei löydy).",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof NotFoundFailure,
  fields: () => ({}),
});

builder.objectType(InvalidInputFailure, {
  name: "InvalidInputError",
  description:
    "The input is well-formed but not acceptable (virheellinen syöte), e.g. an identity code outside the test range.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidInputFailure,
  fields: () => ({}),
});

const InputIssueRef = builder
  .objectRef<{ message: string; path?: readonly (PropertyKey | { key: PropertyKey })[] | undefined }>("InputIssue")
  .implement({
    description: "One problem in the input (syötteen virhe).",
    fields: (t) => ({
      message: t.exposeString("message", { description: "What is wrong (English)." }),
      path: t.stringList({
        resolve: (i) => (i.path ?? []).map((p) => String(typeof p === "object" ? p.key : p)),
        description: "Path of the input field.",
      }),
    }),
  });

builder.objectType(InputValidationError, {
  name: "InputValidationError",
  description: "The input failed validation (syötteen tarkistus): see `issues` for every problem.",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InputValidationError,
  fields: (t) => ({
    issues: t.field({ type: [InputIssueRef], resolve: (e) => e.issues, description: "Every problem found." }),
  }),
});

/** Error types every mutation may return. */
export const mutationErrors = [
  RuleViolationFailure,
  ConflictFailure,
  NotFoundFailure,
  InvalidInputFailure,
  InputValidationError,
];
