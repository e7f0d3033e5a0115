import { mkdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { coldAndWarmStart, type StartKind } from "./phases/cold-start.js";
import { median } from "./stats.js";

// `pnpm --filter @ankkuri/bench start-up [--repeat N]`: only the bench's start-up phase, repeated,
// with the CPU time each gateway had used when it first answered (Linux), which a busy machine
// inflates less than the wall-clock time.
const { values } = parseArgs({ options: { repeat: { type: "string", default: "3" } } });
const repeat = Number(values.repeat);
if (!Number.isInteger(repeat) || repeat < 1) throw new Error("--repeat must be a whole number of at least 1");
const resultsDir = "bench-results";
mkdirSync(resultsDir, { recursive: true });

/** User + system CPU milliseconds of a process so far, from /proc (null elsewhere). */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, "utf8")
        .split(") ")[1]
        ?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

const kinds: StartKind[] = ["first ever", "cold", "warm"];
const wall = new Map<StartKind, number[]>(kinds.map((k) => [k, []]));
const cpu = new Map<StartKind, number[]>(kinds.map((k) => [k, []]));
for (let run = 1; run <= repeat; run++) {
  const figures = await coldAndWarmStart(
    resultsDir,
    (line) => process.stdout.write(`run ${String(run)}: ${line}\n`),
    (kind, server) => {
      const used = cpuMs(server.child.child.pid);
      if (used !== null) cpu.get(kind)?.push(used);
    },
  );
  wall.get("first ever")?.push(figures.firstEverMs);
  wall.get("cold")?.push(figures.coldMs);
  wall.get("warm")?.push(figures.warmMs);
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
for (const kind of kinds) {
  const w = wall.get(kind) ?? [];
  const c = cpu.get(kind) ?? [];
  process.stdout.write(
    `${kind.padEnd(10)} median ${s(median(w))} (${w.map(s).join(", ")})${c.length > 0 ? `; CPU to ready median ${s(median(c))}` : ""}\n`,
  );
}
