// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * Type-aware rules shared by every package. Each package's `eslint.config.js` spreads this and adds
 * its own layer (see `domain.js`).
 */
export default tseslint.config(
  { ignores: ["dist/**", "coverage/**", ".cache/**", "drizzle/**", "**/*.generated.ts", "src/gql/**"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-import-type-side-effects": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unnecessary-condition": ["error", { allowConstantLoopConditions: true }],
      "@typescript-eslint/consistent-type-definitions": "off",
      // We forbid `!`; an explicit `as T` after a proven check reads better than it.
      "@typescript-eslint/non-nullable-type-assertion-style": "off",
      "@typescript-eslint/array-type": "off",
      "no-console": "error",
      "eqeqeq": ["error", "always", { null: "ignore" }],
    },
  },
  {
    files: ["**/*.test.ts", "test/**/*.ts"],
    rules: {
      // Tests index into fixtures they just built; a failed lookup fails the test anyway.
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
