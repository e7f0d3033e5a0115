import type { ViteUserConfig } from "vitest/config";

/** Base vitest configuration merged with `overrides`. */
export function defineProjectConfig(overrides?: ViteUserConfig): ViteUserConfig;
