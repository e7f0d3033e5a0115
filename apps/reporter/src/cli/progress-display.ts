import { SingleBar } from "cli-progress";

/** Shows a run's progress on stderr: a bar on a terminal, one line per stage otherwise (logs, pipes). */
export interface ProgressDisplay {
  update(percent: number, stage: string): void;
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: "{bar} {percentage}% | {stage}",
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    return {
      update: (percent, stage) => {
        if (!started) bar.start(100, percent, { stage });
        else bar.update(percent, { stage });
        started = true;
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let last = "";
  return {
    update: (percent, stage) => {
      if (stage === last) return;
      last = stage;
      stream.write(`${String(percent).padStart(3)}% ${stage}\n`);
    },
    stop: () => undefined,
  };
}
