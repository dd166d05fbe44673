// Player names come from strangers: clean them before anyone else sees them.
import { NAME_MAX_LENGTH } from "./protocol.js";

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
  const cut = Array.from(cleaned).slice(0, NAME_MAX_LENGTH).join("").trim();
  return cut.length > 0 ? cut : fallback();
}

/** `name`, or with " 2", " 3"… appended (still within NAME_MAX_LENGTH) if someone has it already. */
export function uniqueName(name: string, names: Iterable<string>): string {
  const taken = new Set([...names].map((n) => n.toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const candidate = Array.from(name).slice(0, NAME_MAX_LENGTH - suffix.length).join("").trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
