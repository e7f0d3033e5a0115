import { mintDevToken } from "@ankkuri/processes";
import { startLocalIssuer } from "./local-issuer.js";
import type { BenchAuth, Tokens } from "./servers.js";

/**
 * Both ways the bench's gateways authenticate (`BenchAuth`), with tokens for `logins`: the local
 * issuer's, and the development issuer's of `dataDir` (minted by the gateway's own CLI, which needs
 * the database to find the users). `close` stops the local issuer.
 */
export async function prepareAuth(
  logins: Record<keyof Tokens, string>,
  dataDir: string,
  databaseEnv: Record<string, string>,
): Promise<BenchAuth & { close(): Promise<void> }> {
  const issuer = await startLocalIssuer();
  try {
    return {
      production: {
        env: issuer.env,
        tokens: { caseworker: await issuer.sign(logins.caseworker), leadership: await issuer.sign(logins.leadership) },
      },
      development: {
        env: { NODE_ENV: "development", DATA_DIR: dataDir },
        tokens: {
          caseworker: await mintDevToken(logins.caseworker, dataDir, databaseEnv),
          leadership: await mintDevToken(logins.leadership, dataDir, databaseEnv),
        },
      },
      close: () => issuer.close(),
    };
  } catch (error) {
    await issuer.close();
    throw error;
  }
}
