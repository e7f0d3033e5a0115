import type { Plugin } from "graphql-yoga";

/**
 * `/health` answers while the process runs (liveness); `/ready` answers 200 only when `isReady`
 * (the database answers), 503 otherwise, so a load balancer stops sending requests while the
 * database is away and resumes by itself when it is back.
 */
export function useHealth(isReady: () => Promise<boolean>): Plugin {
  return {
    async onRequest(payload) {
      const { url, fetchAPI } = payload;
      if (url.pathname === "/health") {
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ status: "ok" }), {
            status: 200,
            headers: { "content-type": "application/json" },
          }),
        );
      } else if (url.pathname === "/ready") {
        const ready = await isReady();
        payload.endResponse(
          new fetchAPI.Response(JSON.stringify({ status: ready ? "ready" : "unavailable" }), {
            status: ready ? 200 : 503,
            headers: { "content-type": "application/json" },
          }),
        );
      }
    },
  };
}
