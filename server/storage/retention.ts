// SMOLDER_RETENTION_DAYS: stored sessions nobody has played for that many days are deleted,
// at start-up and then every hour, so a company can promise how long workshop data is kept.
import type { SessionStore } from "./store.js";

const DAY_MS = 86_400_000;
const EVERY_MS = 3_600_000;

/** The setting read from the environment: days, or null when unset (keep everything). Throws on nonsense. */
export function retentionDays(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === "") return null;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new Error(
      `SMOLDER_RETENTION_DAYS=${raw.slice(0, 40)} is not a whole number of days from 1 to 36500: set it to, for example, 90, or leave it unset to keep sessions for good`,
    );
  return days;
}

/** One sweep: deletes sessions idle for longer than `days`; answers how many went. */
export function sweep(store: SessionStore, days: number, now: number): Promise<number> {
  return store.deleteIdleSince(now - days * DAY_MS);
}

/** Sweeps now and every hour until stopped; failures are reported and tried again next hour. */
export function keepFor(store: SessionStore, days: number, report: (text: string) => void, now: () => number = Date.now): () => void {
  const run = () =>
    sweep(store, days, now()).then(
      (n) => n > 0 && report(`retention: deleted ${n} stored session${n === 1 ? "" : "s"} not played for ${days} days`),
      (err: unknown) => report(`retention: could not delete old sessions (${(err as Error).message}); trying again in an hour`),
    );
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
