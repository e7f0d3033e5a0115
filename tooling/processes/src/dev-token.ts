import { ChildProcessError, outputOf } from "./typescript-process.js";
import { workspacePath } from "./workspace-paths.js";

const gatewayDir = workspacePath("apps/gateway");
const jwt = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * A bearer token of the development issuer for `login`, minted by the gateway's `dev-token` command
 * (as a developer gets one) with the signing key in `dataDir`; the command creates the key when the
 * folder has none yet. The login must be a user of the database: a running gateway's in `dataDir`,
 * the embedded one there, or the one `env` names (`DATABASE_URL` with its key settings).
 */
export async function mintDevToken(
  login: string,
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<string> {
  const name = `dev-token ${login}`;
  const out = await outputOf(`${gatewayDir}/src/cli/dev-token.ts`, {
    cwd: gatewayDir,
    args: [login],
    env: { ...env, DATA_DIR: dataDir },
    name,
  });
  const token = out.trim().split("\n").at(-1) ?? "";
  if (!jwt.test(token)) throw new ChildProcessError(`${name} printed no token`, out);
  return token;
}
