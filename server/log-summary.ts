// Repeated events from one source become one line per window: the first occurrence is logged
// at once, later ones in the same window are counted and logged as one line when it closes.
// A script sending the same garbage thousands of times a second costs two lines per 10 s.

type Fields = Record<string, unknown>;
type Emit = (event: string, fields: Fields, repeated: number) => void;

/** Keys kept at once; beyond this, events are still counted, under one overflow key. */
const MAX_KEYS = 5000;

export class EventSummary {
  static readonly WINDOW_SECONDS = 10;
  private readonly pending = new Map<string, { event: string; fields: Fields; count: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly emit: Emit,
    private readonly windowMs = EventSummary.WINDOW_SECONDS * 1000,
  ) {}

  /** `source` names who caused it (a client id, an address); `fields` describe the first occurrence. */
  note(event: string, source: string, fields: Fields): void {
    let key = `${event}\u0000${source}`;
    let entry = this.pending.get(key);
    if (!entry && this.pending.size >= MAX_KEYS) {
      key = `${event}\u0000(many sources)`;
      entry = this.pending.get(key);
      fields = { source: "(many sources)" };
    }
    if (entry) {
      entry.count++;
      return;
    }
    this.pending.set(key, { event, fields, count: 0 });
    this.emit(event, fields, 0);
    this.schedule();
  }

  /** Logs the counts of the window that is closing and starts a new one. */
  flush(): void {
    this.timer = null;
    for (const { event, fields, count } of this.pending.values()) if (count > 0) this.emit(event, fields, count);
    this.pending.clear();
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.windowMs);
    // A pending summary never keeps a finished process alive.
    this.timer.unref();
  }
}
