/**
 * @module
 * How far an import got: on a terminal a cli-progress bar (rows, rows/s, time left); otherwise
 * one plain line every few seconds, for logs. Both on stderr, so stdout stays the result.
 */
import cliProgress from "cli-progress";

export interface Progress {
  /** `done` rows handled so far, of about `total` (grown when the file held more than it said). */
  update(done: number): void;
  /** Ends the bar; `done` (the final count) makes it whole when the file held fewer rows than estimated. */
  stop(done?: number): void;
}

const PLAIN_EVERY_MS = Number(process.env.TENC_PROGRESS_MS ?? 5000);

export function progress(label: string, total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = performance.now();
  const rate = (done: number) => Math.round(done / Math.max((performance.now() - start) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} {bar} {percentage}% | {value}/{total} rows | {rate} rows/s | {eta_formatted} left`,
        stream,
        hideCursor: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let max = total ?? 0;
    bar.start(max, 0, { rate: 0 });
    // The bar hides the cursor: give it back however the process ends (Ctrl-C exits at once).
    const stop = () => bar.stop();
    process.once("exit", stop);
    return {
      update(done) {
        if (done > max) bar.setTotal((max = done));
        bar.update(done, { rate: rate(done) });
      },
      stop(done) {
        if (done !== undefined) {
          bar.setTotal((max = done));
          bar.update(done, { rate: rate(done) });
        }
        process.off("exit", stop);
        stop();
      },
    };
  }
  let last = 0;
  return {
    update(done) {
      const now = performance.now();
      if (now - last < PLAIN_EVERY_MS) return;
      last = now;
      const of = total ? ` of about ${total}` : "";
      stream.write(`${label}: ${done} rows${of} (header rows included), ${rate(done)} rows/s\n`);
    },
    stop(done) {
      // Every row counted, header rows included: the summary's "data rows" leave them out.
      if (done !== undefined) stream.write(`${label}: ${done} rows read (header rows included) in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
    },
  };
}
