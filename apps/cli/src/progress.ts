import cliProgress from "cli-progress";

/**
 * Progress on stderr: a bar, updated by phase, when stderr is a terminal; otherwise (a log, a
 * pipe, CI) plain lines from `line`, so a long run still says it is alive.
 */
export class Progress {
  /** Whether stderr is a terminal (the bar is drawn, the lines are not). */
  readonly tty = process.stderr.isTTY === true;
  private readonly bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: " {phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}",
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  private started = false;

  update(phase: string, done: number, total: number): void {
    if (!this.tty) return;
    if (!this.started) {
      this.bar.start(total, done, { phase });
      this.started = true;
    }
    this.bar.setTotal(total);
    this.bar.update(done, { phase });
  }

  /** One progress line, written only when stderr is not a terminal. */
  line(text: string): void {
    if (!this.tty) process.stderr.write(`tracebed: ${text}\n`);
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}
