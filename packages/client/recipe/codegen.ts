import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * graphql-codegen for a frontend team that writes its own operations against the Ankkuri gateway:
 * the client preset, with the settings that make its output typecheck and fit the gateway.
 * Copy it to your project as `codegen.ts` and run `graphql-codegen`.
 */
const config: CodegenConfig = {
  // The SDL the installed @ankkuri/client was built with (or the gateway's URL, with a token).
  schema: "node_modules/@ankkuri/client/schema.graphql",
  documents: ["src/**/*.graphql", "src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: true,
  // Imports with `.js`, as ES modules under TypeScript's NodeNext resolution need.
  importExtension: ".js",
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        // Masking would hide `code` and `violations` behind the ErrorFields fragment of every
        // mutation union: read results directly, and narrow them with @ankkuri/client's helpers.
        fragmentMasking: false,
        // Writes persisted-documents.json, which `operations:register` takes, and puts each hash in
        // its document, which @ankkuri/client sends: the plain hex SHA-256 of the document's text, as
        // the gateway keys them (the preset's own "sha256" would prefix "sha256:").
        persistedDocuments: {
          mode: "embedHashInDocument",
          hashAlgorithm: (text: string) => createHash("sha256").update(text).digest("hex"),
        },
      },
      config: {
        // Without these, Date and DateTime would be `unknown` (the default for custom scalars).
        scalars: {
          Date: { input: "string", output: "string" },
          DateTime: { input: "string", output: "string" },
        },
        strictScalars: true,
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
