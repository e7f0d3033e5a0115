import { forbidden } from "../errors.js";

/**
 * A verb's own check of the rule that let its mutation through (the schema's scopes ask the same
 * domain rule first): a verb called from elsewhere is not a way around it.
 */
export function requireThat(allowed: boolean): void {
  if (!allowed) throw forbidden();
}
