// @ts-check
import tseslint from "typescript-eslint";

/**
 * The domain package is pure: no I/O, no clock, no randomness, no environment. These rules prove it;
 * a breach fails `pnpm lint` (and with it `pnpm test`).
 */
const purity = {
  files: ["src/**/*.ts"],
  ignores: ["src/**/*.test.ts"],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          {
            regex: "^(?!zod(?:/|$)|\\.{1,2}/)",
            message: "@ankkuri/domain may import only zod and its own modules (no I/O libraries).",
          },
        ],
      },
    ],
    "no-restricted-globals": [
      "error",
      ...[
        "process",
        "fetch",
        "setTimeout",
        "setInterval",
        "setImmediate",
        "queueMicrotask",
        "console",
        "crypto",
        "performance",
        "require",
        "Buffer",
      ].map((name) => ({ name, message: `The domain package is pure: '${name}' is I/O or ambient state.` })),
    ],
    "no-restricted-syntax": [
      "error",
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: "No clock reads in the domain: take the date as an argument.",
      },
      {
        selector: "MemberExpression[object.name='Date'][property.name='now']",
        message: "No clock reads in the domain: take the date as an argument.",
      },
      {
        selector: "MemberExpression[object.name='Math'][property.name='random']",
        message: "No randomness in the domain: results must be deterministic.",
      },
      {
        selector: "ImportExpression",
        message: "No dynamic imports in the domain.",
      },
    ],
  },
};

export default tseslint.config(purity);
