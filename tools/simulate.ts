// npm run -s simulate -- --scenario classic --team balanced,hero --seeds 1..20 [--json] [--sweep heroes]
//   [--pace N] [--switch-at SECONDS --switch-to KIND] [--timeline]
import { parseArgs } from "node:util";
import { BOT_KINDS, type BotKind, SCENARIO_IDS, getScenario } from "../shared/index.js";
import { parseSeedList } from "./seeds.js";
import { type BatchOptions, simulateBatch, sweepHeroes } from "./simulation.js";

function fail(message: string): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(2);
}

/** "1..20", "7" or "1,5,9" → seeds. */
export function parseSeeds(text: string): number[] {
  return parseSeedList(text) ?? fail(`bad seeds "${text}": use a range like 1..20 (at most 10000 seeds, A <= B), one seed, or a list like 1,5,9`);
}

function main(): void {
  let args;
  try {
    args = parseArgs({
      options: {
        scenario: { type: "string", default: "classic" },
        team: { type: "string", default: "balanced,balanced,balanced,balanced" },
        seeds: { type: "string", default: "1..10" },
        sweep: { type: "string" },
        json: { type: "boolean", default: false },
        pace: { type: "string" },
        "switch-at": { type: "string" },
        "switch-to": { type: "string" },
        timeline: { type: "boolean", default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    return fail((e as Error).message.split("\n")[0]!);
  }
  const scenario = getScenario(args.scenario);
  if (!scenario) return fail(`unknown scenario "${args.scenario}" (known: ${SCENARIO_IDS.join(", ")})`);
  const seeds = parseSeeds(args.seeds);
  const isBot = (b: string): b is BotKind => (BOT_KINDS as readonly string[]).includes(b);
  const opts: BatchOptions = { timeline: args.timeline };
  if (args.pace !== undefined) {
    const pace = Number(args.pace);
    if (!/^\d+$/.test(args.pace) || pace < 1 || pace > scenario.tickRate)
      return fail(`bad pace "${args.pace}": a whole number of decisions a second from 1 to ${scenario.tickRate}`);
    opts.pace = pace;
  }
  if ((args["switch-at"] === undefined) !== (args["switch-to"] === undefined)) return fail("--switch-at and --switch-to go together");
  if (args["switch-at"] !== undefined && args["switch-to"] !== undefined) {
    const at = Number(args["switch-at"]);
    if (!/^\d+$/.test(args["switch-at"]) || at >= scenario.durationSeconds)
      return fail(`bad --switch-at "${args["switch-at"]}": whole seconds from 0 to ${scenario.durationSeconds - 1}`);
    if (!isBot(args["switch-to"])) return fail(`unknown bot "${args["switch-to"]}" for --switch-to (known: ${BOT_KINDS.join(", ")})`);
    opts.switchAtSecond = at;
    opts.switchTo = args["switch-to"];
  }

  if (args.sweep !== undefined) {
    if (args.sweep !== "heroes") return fail(`unknown sweep "${args.sweep}" (known: heroes)`);
    const sweep = sweepHeroes(scenario, seeds, 4, opts);
    if (args.json) return void process.stdout.write(`${JSON.stringify({ sweep })}\n`);
    console.log(`${scenario.name}: 4 bots, heroes 0..4 (the rest balanced), ${seeds.length} seeds`);
    console.log("heroes  mean value  collapse");
    for (const r of sweep) console.log(`${String(r.heroes).padStart(6)}  ${String(r.value).padStart(10)}  ${(r.collapseRate * 100).toFixed(0).padStart(7)}%`);
    return;
  }

  const team = args.team.split(",").map((b) => b.trim());
  for (const bot of team) if (!isBot(bot)) return fail(`unknown bot "${bot}" (known: ${BOT_KINDS.join(", ")})`);
  if (team.length < 1 || team.length > 16) return fail("a team has 1 to 16 bots");
  const result = simulateBatch(scenario, team as BotKind[], seeds, opts);
  if (args.json) return void process.stdout.write(`${JSON.stringify(result)}\n`);

  const pace = opts.pace === undefined ? "" : `, ${opts.pace} decisions a second`;
  const switched = opts.switchTo === undefined ? "" : `, switching to ${opts.switchTo} at ${opts.switchAtSecond} s`;
  console.log(`${scenario.name}, team ${team.join(", ")}${pace}${switched}`);
  console.log("  seed       value  praise  collapsed  end (s)  hash      tipped (s)");
  for (const r of result.runs)
    console.log(
      `${String(r.seed).padStart(6)}  ${String(r.value).padStart(10)}  ${String(r.praise).padStart(6)}  ${(r.collapsed ? "yes" : "no").padStart(9)}  ${String(r.endTick / scenario.tickRate).padStart(7)}  ${r.hash}  ${r.tippedAt === null ? "-" : String(r.tippedAt)}`,
    );
  const m = result.mean;
  console.log(`  mean  ${String(m.value).padStart(10)}  ${String(m.praise).padStart(6)}  ${`${(m.collapseRate * 100).toFixed(0)}%`.padStart(9)}`);
}

main();
