import nodeModule from "node:module";

// `pnpm start`: the gateway with the report worker; embedded database unless DATABASE_URL is set.
// Loading its ~1 400 modules is most of a start: V8's compiled code for them is kept in the OS's
// temporary folder and reused by the next start. It must be on before they load, hence the import().
// Node.js 20 has no compile cache (22.1 added it): there the modules load as before.
(nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
await import("./gateway-process.js");
