import type { ViteUserConfig } from "vitest/config";

/**
 * Base vitest configuration merged with `overrides`. A global setup file may be named by a workspace
 * package's export (`@ankkuri/db/testing/global-setup`); it resolves to that export's source.
 */
export function defineProjectConfig(overrides?: ViteUserConfig): ViteUserConfig;
