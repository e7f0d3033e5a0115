export * from "./tables.js";
export { relations } from "./relations.js";
