// `npm run fuzz -- --seed S --messages N`: the fuzz test's run from the command line, against a
// server process of its own. Prints { messages, crashes, invariantBreaks } (and the details) as
// JSON; exits 1 when anything broke, so a seed that fails can be run again as it is.
import { parseArgs } from "node:util";
import { runFuzz } from "./fuzz-run.js";

const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, messages: { type: "string", default: "20000" } } });
const seed = Number(values.seed);
const messages = Number(values.messages);
if (!Number.isInteger(seed) || !Number.isInteger(messages) || messages < 1) {
  console.error("usage: npm run fuzz -- --seed <integer> --messages <count>");
  process.exit(2);
}
const report = await runFuzz({ seed, messages });
const { messages: sent, crashes, invariantBreaks, ...details } = report;
console.log(JSON.stringify({ messages: sent, crashes, invariantBreaks, ...details }, null, 2));
process.exit(crashes > 0 || invariantBreaks > 0 || report.problems.length > 0 ? 1 : 0);
