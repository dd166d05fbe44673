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
  const people = players.filter((p) => !p.bot);
  const pool = people.length > 0 ? people : players;
  const praisedTop = top(pool, (p) => p.praise);
  const goodTop = top(pool, (p) => p.net);
  const praised = praisedTop && praisedTop.praise > 0 ? praisedTop : null;
  if (!goodTop || (goodTop.net === 0 && pool.every((p) => p.net === 0))) return { praised, good: null, goodKind: "most good" };
  return { praised, good: goodTop, goodKind: goodTop.net > 0 ? "most good" : "least harm" };
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
