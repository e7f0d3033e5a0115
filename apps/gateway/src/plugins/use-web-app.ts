import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Plugin } from "graphql-yoga";

/** Where the built reference frontend is served. */
export const webAppPath = "/app/";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The app's own scripts, styles and calls only; nothing inline, nothing from elsewhere, no framing. */
const securityHeaders = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/**
 * Serves a built single-page app (the reference frontend, `apps/web/dist`) under `/app/`, beside
 * GraphiQL, from the same origin as `/graphql` (so it needs no CORS). Paths without a file extension
 * answer with `index.html` (the app's own routes); hashed assets are cached for a year, the page
 * never. `/` redirects to the app.
 */
export function useWebApp(dir: string): Plugin {
  const root = resolve(dir);
  return {
    async onRequest(payload) {
      const { url, fetchAPI, request } = payload;
      if (request.method !== "GET" && request.method !== "HEAD") return;
      if (url.pathname === "/" || url.pathname === webAppPath.slice(0, -1)) {
        payload.endResponse(new fetchAPI.Response(null, { status: 302, headers: { location: webAppPath } }));
        return;
      }
      if (!url.pathname.startsWith(webAppPath)) return;
      let relative: string;
      try {
        relative = decodeURIComponent(url.pathname.slice(webAppPath.length));
      } catch {
        relative = "";
      }
      const asset = extname(relative) !== "";
      const file = normalize(join(root, asset ? relative : "index.html"));
      if (!file.startsWith(root + sep) || relative.includes("\0")) {
        payload.endResponse(new fetchAPI.Response("Not found", { status: 404 }));
        return;
      }
      try {
        if (!(await stat(file)).isFile()) throw new Error("not a file");
        const body = await readFile(file);
        payload.endResponse(
          new fetchAPI.Response(request.method === "HEAD" ? null : body, {
            status: 200,
            headers: {
              "content-type": contentTypes[extname(file)] ?? "application/octet-stream",
              "cache-control": relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache",
              ...securityHeaders,
            },
          }),
        );
      } catch {
        payload.endResponse(new fetchAPI.Response("Not found", { status: 404 }));
      }
    },
  };
}
