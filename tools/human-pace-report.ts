// npm run -s report:pace -- --seeds 5001..5040 [--pace 2|every] [--json]
// Every check of "teach at human speed" with its figure and pass/fail, bots at a person's pace.
import { parseArgs } from "node:util";
import { checks, measure } from "./human-pace.js";
import { parseSeedList } from "./seeds.js";

function fail(message: string): never {
  process.stderr.write(`report:pace: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: { seeds: { type: "string", default: "5001..5040" }, pace: { type: "string", default: "2" }, json: { type: "boolean", default: false } },
    strict: true,
  }).values;
} catch (e) {
  fail((e as Error).message.split("\n")[0]!);
}
const seeds = parseSeedList(args.seeds);
if (!seeds) fail(`bad seeds "${args.seeds}": use a range like 1..20, one seed, or a list like 1,5,9`);
// "every": bots decide every tick, as the rules were first tuned.
const pace = args.pace === "every" ? null : Number(args.pace);
if (pace !== null && (!/^\d+$/.test(args.pace) || pace < 1 || pace > 10)) fail(`bad pace "${args.pace}": 1 to 10 decisions a second, or "every" (every tick)`);

const figures = measure(seeds, pace);
const list = checks(figures);
if (args.json) console.log(JSON.stringify({ figures, checks: list }));
else {
  console.log(`${pace === null ? "Every tick" : `At ${pace} decisions a second`}, ${seeds.length} seeds (${args.seeds})`);
  for (const c of list) console.log(`${c.pass ? "pass" : "FAIL"}  ${c.figure.padStart(10)}  ${c.name}`);
  const c = figures.classic;
  console.log(`classic value / collapse / praise:`);
  for (const [k, t] of Object.entries(c))
    console.log(
      `  ${k.padEnd(12)} ${Math.round(t.value).toLocaleString("en").padStart(12)}  ${`${Math.round(t.collapse * 100)}%`.padStart(4)}  ${Math.round(t.praise)}`,
    );
  console.log(
    `tricks: ${Object.entries(figures.tricks)
      .map(([k, v]) => `${k} ${Math.round(v).toLocaleString("en")}`)
      .join(", ")}`,
  );
  console.log(
    `workshop: balanced ${Math.round(figures.workshop.balanced.value).toLocaleString("en")} (${Math.round(figures.workshop.balanced.collapse * 100)}%), firefighters ${Math.round(figures.workshop.firefighters.value).toLocaleString("en")} (${Math.round(figures.workshop.firefighters.collapse * 100)}%)`,
  );
  console.log(`startup: heroes ${figures.startup.heroes}, preventers ${figures.startup.preventers}`);
  console.log(`${list.filter((c) => c.pass).length}/${list.length} checks hold`);
}
process.exit(list.every((c) => c.pass) ? 0 : 1);
