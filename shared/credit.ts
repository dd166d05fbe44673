// Who the round's headlines name: the most praised, and who did the team the most good. One
// function for every screen (results, debrief, projector, host console, cross-team), so they
// never disagree. People come before bots when people played (the lesson is about *their*
// play), a negative net is never "the most good", and a bot is always named as one.

/** The figures a headline needs; PlayerSummary and the host's stored rows both have them. */
export interface Credited {
  name: string;
  /** The bot kind, or null/"" for a person. */
  bot: string | null;
  praise: number;
  net: number;
}

export interface Headlines<T extends Credited> {
  /** The most praise (above zero), or null. */
  praised: T | null;
  /** The best net, or null when every net is zero. */
  good: T | null;
  /** "most good" when that net is positive; "least harm" when every net was zero or below. */
  goodKind: "most good" | "least harm";
}

/** The name as headlines print it: a bot says so unless its name already does. */
export function creditName(p: Pick<Credited, "name" | "bot">): string {
  return p.bot && !/\bbot\b/i.test(p.name) ? `${p.name} (bot)` : p.name;
}

/** The first of the highest by `key` (stable: seat order breaks ties). */
function top<T>(xs: readonly T[], key: (x: T) => number): T | null {
  let best: T | null = null;
  for (const x of xs) if (best === null || key(x) > key(best)) best = x;
  return best;
}

export function headlines<T extends Credited>(players: readonly T[]): Headlines<T> {
  // People first; only when no person stands out on a headline does a (labelled) bot take it.
  const people = players.filter((p) => !p.bot);
  const pools = people.length > 0 && people.length < players.length ? [people, players] : [players];
  const praised = pick(
    pools,
    (p) => p.praise,
    (p) => p.praise > 0,
  );
  const good = pick(
    pools,
    (p) => p.net,
    (p, pool) => p.net !== 0 || pool.some((q) => q.net !== 0),
  );
  return { praised, good, goodKind: good && good.net <= 0 ? "least harm" : "most good" };
}

/** The top of the first pool whose top stands out. */
function pick<T>(pools: readonly (readonly T[])[], key: (x: T) => number, standsOut: (x: T, pool: readonly T[]) => boolean): T | null {
  for (const pool of pools) {
    const best = top(pool, key);
    if (best && standsOut(best, pool)) return best;
  }
  return null;
}

/** The headlines as one sentence, or null when nobody stood out. */
export function headlineSentence<T extends Credited>(hl: Headlines<T>): string | null {
  const { praised, good } = hl;
  const did = hl.goodKind === "most good" ? "did the team the most good" : "did the least harm";
  if (praised && good && praised === good) return `${creditName(praised)} earned the most praise and ${did}.`;
  if (praised && good) return `${creditName(praised)} earned the most praise; ${creditName(good)} ${did}.`;
  if (praised) return `${creditName(praised)} earned the most praise; nobody's work came out ahead.`;
  if (good) return `Nobody earned praise; ${creditName(good)} ${did}.`;
  return null;
}
