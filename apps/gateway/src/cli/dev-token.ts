import { helsinkiUsers } from "@ankkuri/db";
import { actorSchema } from "@ankkuri/domain";
import { developmentIssuerFor } from "../auth/dev-issuer.js";
import { loadGatewayConfig } from "../env.js";

// `pnpm dev-token` lists the seeded fictional users; `pnpm dev-token <login>` prints a bearer token.
// It reads the seed, not the database, so it works while the gateway holds the embedded database.
const config = loadGatewayConfig();
if (config.auth.mode !== "development") {
  process.stderr.write("dev-token is refused: a real issuer (OIDC_ISSUER) is configured. Get tokens from it.\n");
  process.exit(1);
}
const users = helsinkiUsers.map((u) =>
  actorSchema.parse({
    login: u.login,
    name: u.displayName,
    teamId: u.teamId,
    organisationId: u.organisationId,
    roles: u.roles,
  }),
);
const login = process.argv[2];
if (login === undefined) {
  process.stdout.write("Fictional users of the development issuer (pnpm dev-token <login>):\n");
  for (const u of users)
    process.stdout.write(
      `  ${u.login.padEnd(22)} ${u.name.padEnd(22)} ${u.roles.join(", ").padEnd(40)} ${u.organisationId}\n`,
    );
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
