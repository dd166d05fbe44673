// Player names come from strangers: clean them before anyone else sees them. A room full of
// colleagues watches the projector, so profanity is starred out here, once, for every screen,
// the leaderboard and the stored rounds alike (obscenity's English set also catches l33t spellings
// and spaced-out letters, without flagging words like "Scunthorpe").
import { asteriskCensorStrategy, englishDataset, englishRecommendedTransformers, RegExpMatcher, TextCensor } from "obscenity";
import { NAME_MAX_LENGTH } from "../shared/protocol/index.js";

const matcher = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
const censor = new TextCensor().setStrategy(asteriskCensorStrategy());

/** `text` with every profane word starred out (same length, so limits still hold). */
export function censorProfanity(text: string): string {
  const matches = matcher.getAllMatches(text);
  return matches.length === 0 ? text : censor.applyTo(text, matches);
}

const ADJECTIVES = ["Calm", "Steady", "Quiet", "Brave", "Patient", "Keen", "Bright", "Careful"];
const NOUNS = ["Ember", "Spark", "Cinder", "Lantern", "Beacon", "Ash", "Flint", "Torch"];

/** A readable name for someone who gave none. `pick` is injectable so tests can pin it. */
export function generatedName(pick: (n: number) => number = (n) => Math.floor(Math.random() * n)): string {
  return `${ADJECTIVES[pick(ADJECTIVES.length)]} ${NOUNS[pick(NOUNS.length)]} ${10 + pick(90)}`;
}

/**
 * Trims, drops control and formatting characters (including bidi overrides and zero-width
 * marks, which can disguise a name), collapses runs of spaces and cuts to NAME_MAX_LENGTH
 * characters (code points, so an emoji is never split). Anything unusable gets a generated name.
 */
export function sanitizeName(raw: unknown, fallback: () => string = generatedName): string {
  if (typeof raw !== "string") return fallback();
  const cleaned = raw
    .slice(0, 200) // bound the work on absurd input before the regexes run
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/\s+/gu, " ")
    .trim();
  const cut = censorProfanity(Array.from(cleaned).slice(0, NAME_MAX_LENGTH).join("").trim());
  return cut.length > 0 && /[^*\s]/u.test(cut) ? cut : fallback();
}

/** `name`, or with " 2", " 3"… appended (still within NAME_MAX_LENGTH) if someone has it already. */
export function uniqueName(name: string, names: Iterable<string>): string {
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate =
      Array.from(name)
        .slice(0, NAME_MAX_LENGTH - suffix.length)
        .join("")
        .trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
