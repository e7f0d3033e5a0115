import { type FieldKind, type FieldRef, RootFieldBuilder, type SchemaTypes } from "@pothos/core";
import type { GatewayContext, OrganisationRow } from "../context.js";
import { organisationNamed } from "./cached-organisations.js";
import { Organisation } from "./organisation.js";

declare global {
  // Pothos's field builders are declared in this global namespace; a method is added by merging into it.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface RootFieldBuilder<Types extends SchemaTypes, ParentShape, Kind extends FieldKind = FieldKind> {
      /**
       * The organisation a row names by id, answered from the team cache (`organisationNamed`): the
       * row's statement reads only the id. Every `organisation` field beneath client data is one.
       */
      organisation: <Nullable extends boolean = false>(
        idOf: (row: ParentShape) => Nullable extends true ? string | null : string,
        options: { description: string; nullable?: Nullable },
      ) => FieldRef<Types, Nullable extends true ? OrganisationRow | null : OrganisationRow, Kind>;
    }
  }
}

type Resolver = (
  row: unknown,
  args: unknown,
  ctx: GatewayContext,
  info: Parameters<typeof organisationNamed>[1],
) => unknown;

// A field-builder method, as Pothos plugins add theirs: the row's type comes from the builder `t`.
Object.defineProperty(RootFieldBuilder.prototype, "organisation", {
  value: function organisation(
    this: { field: (options: { type: unknown; nullable: boolean; description: string; resolve: Resolver }) => unknown },
    idOf: (row: unknown) => string | null,
    options: { description: string; nullable?: boolean },
  ) {
    return this.field({
      type: Organisation,
      nullable: options.nullable ?? false,
      description: options.description,
      resolve: (row, _args, ctx, info) => organisationNamed(ctx, info, idOf(row)),
    });
  },
});
