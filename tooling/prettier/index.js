// @ts-check

/**
 * The workspace's format. A print width of 120 fits the long, descriptive GraphQL field definitions
 * and zod schemas on one line where they read best, while no line grows past what a review shows.
 *
 * @type {import("prettier").Config}
 */
const config = {
  printWidth: 120,
  trailingComma: "all",
  quoteProps: "consistent",
};

export default config;
