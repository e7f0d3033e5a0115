import { type FieldKind, type FieldRef, RootFieldBuilder, type SchemaTypes } from "@pothos/core";
import type { Language, LocalisedText } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { inLanguage, languageArgument } from "./common.js";

declare global {
  // Pothos's field builders are declared in this global namespace; a method is added by merging into it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface RootFieldBuilder<Types extends SchemaTypes, ParentShape, Kind extends FieldKind = FieldKind> {
      /**
       * A text the row holds in Finnish, Swedish and English, answered in one language: the field's
       * `language` argument, else the request's.
       */
      localised: (
        textOf: (row: ParentShape) => LocalisedText,
        options: { description: string },
      ) => FieldRef<Types, string, Kind>;
    }
  }
}

type Resolver = (row: unknown, args: { language?: Language | null }, ctx: GatewayContext) => string;

// A field-builder method, as Pothos plugins add theirs: the row's type comes from the builder `t`.
Object.defineProperty(RootFieldBuilder.prototype, "localised", {
  value: function localised(
    this: {
      arg: (options: typeof languageArgument) => unknown;
      field: (options: {
        type: "String";
        args: { language: unknown };
        description: string;
        resolve: Resolver;
      }) => unknown;
    },
    textOf: (row: unknown) => LocalisedText,
    options: { description: string },
  ) {
    return this.field({
      type: "String",
      args: { language: this.arg(languageArgument) },
      description: options.description,
      resolve: (row, args, ctx) => inLanguage(textOf(row), args.language, ctx.language),
    });
  },
});
