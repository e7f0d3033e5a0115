import react from "@vitejs/plugin-react";
import { defaultClientConditions, defineConfig } from "vite";

const gateway = process.env.ANKKURI_GATEWAY_URL ?? "http://127.0.0.1:4000";

// Served by the gateway under /app/ (`pnpm start`); `pnpm --filter @ankkuri/web dev` proxies the API to it.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  // Workspace packages from their TypeScript sources, as everywhere in the workspace.
  resolve: { conditions: ["@ankkuri/source", ...defaultClientConditions] },
  build: { sourcemap: true, target: "es2022" },
  server: { proxy: { "/graphql": gateway, "/dev-issuer": gateway } },
});
