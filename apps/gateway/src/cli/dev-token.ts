import { openRuntime } from "@ankkuri/db";
import { developmentIssuerFor } from "../auth/dev-issuer.js";
import { developmentUsers } from "../auth/dev-users.js";
import { loadGatewayConfig } from "../env.js";

// `pnpm dev-token` lists the seeded fictional users; `pnpm dev-token <login>` prints a bearer token.
const config = loadGatewayConfig();
if (config.auth.mode !== "development") {
  process.stderr.write("dev-token is refused: a real issuer (OIDC_ISSUER) is configured. Get tokens from it.\n");
  process.exit(1);
}
const runtime = await openRuntime(config.database, { warn: (m) => process.stderr.write(`warning: ${m}\n`) });
try {
  const users = await developmentUsers(runtime.handle.db);
  const login = process.argv[2];
  if (login === undefined) {
    process.stdout.write("Fictional users of the development issuer (pnpm dev-token <login>):\n");
    for (const u of users) process.stdout.write(`  ${u.login.padEnd(22)} ${u.name.padEnd(22)} ${u.roles.join(", ").padEnd(40)} ${u.organisationId}\n`);
  } else {
    const user = users.find((u) => u.login === login);
    if (!user) {
      process.stderr.write(`No user ${login}. Run pnpm dev-token to list them.\n`);
      process.exitCode = 1;
    } else {
      const issuer = await developmentIssuerFor(config.database.dataDir, config.auth.audience);
      process.stdout.write(`${await issuer.sign(user)}\n`);
    }
  }
} finally {
  await runtime.handle.close();
}
