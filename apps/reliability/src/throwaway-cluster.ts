import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { ClusterCommandError } from "./errors.js";

/**
 * A PostgreSQL cluster of the suite's own, in a temp folder, on a free loopback port: the restart
 * test stops and starts it under load. The shared test server is never touched.
 */
export interface ThrowawayCluster {
  port: number;
  /** URL of `database` on the cluster. */
  url(database: string): string;
  running(): boolean;
  /** `fast`: what a service restart does (clients are told); `immediate`: a crash, recovered from the WAL on start. */
  stop(mode: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the cluster (if running) and removes its folder; safe after a failed start. */
  dispose(): Promise<void>;
}

const binaryNames = ["initdb", "pg_ctl", "postgres"] as const;

/** Where initdb, pg_ctl and postgres are: on PATH, or the newest /usr/lib/postgresql/<version>/bin (Debian's layout). */
export function findPostgresBinaries(): string | undefined {
  const candidates = (process.env.PATH ?? "").split(":").filter((p) => p !== "");
  try {
    const versions = readdirSync("/usr/lib/postgresql")
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // no Debian-style installation
  }
  return candidates.find((dir) => binaryNames.every((name) => existsSync(join(dir, name))));
}

const isRoot = process.getuid?.() === 0;

/** The OS user the cluster runs as: PostgreSQL refuses to run as root, so root hands it to `postgres`. */
function clusterOwner(): { uid: number; gid: number } | undefined {
  if (!isRoot) return undefined;
  try {
    return {
      uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
      gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
    };
  } catch {
    return undefined;
  }
}

/** Why a throwaway cluster cannot be started here, or undefined when it can. */
export function throwawayClusterUnavailable(): string | undefined {
  if (findPostgresBinaries() === undefined)
    return "the PostgreSQL server binaries (initdb, pg_ctl, postgres) are not installed";
  if (isRoot && clusterOwner() === undefined)
    return "running as root without a `postgres` OS user to run the cluster as";
  return undefined;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  if (typeof address !== "object" || address === null) throw new Error("no free port");
  return address.port;
}

function run(binDir: string, tool: string, args: readonly string[]): Promise<string> {
  const [file, argv] = isRoot
    ? ["runuser", ["-u", "postgres", "--", join(binDir, tool), ...args]]
    : [join(binDir, tool), [...args]];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: 120_000, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(new ClusterCommandError(`${tool} ${args.join(" ")}`, `${stdout}${stderr}${error.message}`));
      else resolve(stdout + stderr);
    });
  });
}

/** Initialises and starts a cluster; on any failure it is removed again before the error is thrown. */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
  const binDir = findPostgresBinaries();
  if (binDir === undefined) throw new Error(throwawayClusterUnavailable());
  const dir = mkdtempSync(join(tmpdir(), "ankkuri-reliability-pg-"));
  const dataDir = join(dir, "data");
  const owner = clusterOwner();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const port = await freePort();
  let running = false;

  const pgCtl = (...args: string[]) => run(binDir, "pg_ctl", ["-D", dataDir, ...args]);
  const cluster: ThrowawayCluster = {
    port,
    url: (database) => `postgres://postgres@127.0.0.1:${String(port)}/${database}`,
    running: () => running,
    async start() {
      // Loopback only, the socket in the temp folder, and a log there for failure messages.
      await pgCtl(
        "start",
        "-w",
        "-t",
        "60",
        "-l",
        join(dir, "postgres.log"),
        "-o",
        `-p ${String(port)} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir}`,
      );
      running = true;
    },
    async stop(mode) {
      await pgCtl("stop", "-w", "-t", "60", "-m", mode);
      running = false;
    },
    async dispose() {
      try {
        if (running || existsSync(join(dataDir, "postmaster.pid")))
          await pgCtl("stop", "-w", "-t", "30", "-m", "immediate");
      } catch {
        // pg_ctl could not stop it: end the postmaster directly so the folder can go.
        killPostmaster(dataDir);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await run(binDir, "initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--no-sync",
      "--no-instructions",
    ]);
    await cluster.start();
    return cluster;
  } catch (error) {
    await cluster.dispose();
    throw error;
  }
}

function killPostmaster(dataDir: string): void {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** Creates `name` on the cluster (the gateway's database), through a one-off connection. */
export async function createClusterDatabase(cluster: ThrowawayCluster, name: string): Promise<string> {
  const admin = postgres(cluster.url("postgres"), { max: 1, onnotice: () => undefined });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  return cluster.url(name);
}
