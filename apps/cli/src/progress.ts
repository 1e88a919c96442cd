import cliProgress from "cli-progress";

/** A progress bar on stderr (drawn only when stderr is a terminal), updated by phase. */
export class Progress {
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
    if (!this.started) {
      this.bar.start(total, done, { phase });
      this.started = true;
    }
    this.bar.setTotal(total);
    this.bar.update(done, { phase });
  }

  stop(): void {
    if (this.started) this.bar.stop();
    this.started = false;
  }
}
