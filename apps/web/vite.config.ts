import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const gateway = process.env.ANKKURI_GATEWAY_URL ?? "http://127.0.0.1:4000";

// Served by the gateway under /app/ (`pnpm start`); `pnpm --filter @ankkuri/web dev` proxies the API to it.
export default defineConfig({
  base: "/app/",
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@ankkuri\/client\/operations$/,
        replacement: fileURLToPath(new URL("./src/client-stand-in-operations.ts", import.meta.url)),
      },
      { find: /^@ankkuri\/client$/, replacement: fileURLToPath(new URL("./src/client-stand-in.ts", import.meta.url)) },
    ],
  },
  build: { sourcemap: true, target: "es2022" },
  server: { proxy: { "/graphql": gateway, "/dev-issuer": gateway } },
});
