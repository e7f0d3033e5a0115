import { buildBundle, bundleMain } from "../bundle/build-bundle.js";

// `pnpm --filter @ankkuri/gateway bundle`: what `pnpm start` runs (apps/gateway/dist/start/main.mjs).
const started = performance.now();
await buildBundle();
process.stderr.write(`gateway bundled in ${((performance.now() - started) / 1000).toFixed(1)} s: ${bundleMain}\n`);
