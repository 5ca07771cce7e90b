/**
 * Progress of a long run on stderr: one line rewritten in place, only when stderr is a terminal (never in a pipe
 * or a log), at most every 100 ms, cleared when the run ends.
 */
import type { Progress } from "./output";

export interface ProgressLine {
  update: Progress;
  /** Clears the line (call before printing anything else). */
  done(): void;
}

interface TtyStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/**
 * The text cut to `width` terminal columns (CJK and other wide characters take two), so the line never wraps:
 * a wrapped line cannot be rewritten with \r.
 */
export function fitWidth(text: string, width: number): string {
  let out = "";
  let used = 0;
  for (const ch of text) {
    const w = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
    if (used + w > width) break;
    out += ch;
    used += w;
  }
  return out;
}

export function progressLine(stream: TtyStream, now: () => number = Date.now): ProgressLine | undefined {
  if (!stream.isTTY) return undefined;
  let last = -Infinity;
  let shown = false;
  return {
    update(done, total, what) {
      const t = now();
      if (done < total && t - last < 100) return;
      last = t;
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const text = `[${String(pct).padStart(3)}%] ${done}/${total} ${what}`;
      stream.write(`\r\x1b[2K${fitWidth(text, width)}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
