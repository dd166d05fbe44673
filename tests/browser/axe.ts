// axe-core in a page: its source injected as a script tag, run on the WCAG A/AA rules, the
// violations counted by impact (serious and critical fail the tests that call it).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeReport {
  counts: Record<"minor" | "moderate" | "serious" | "critical", number>;
  /** Serious and critical violations: rule id, what it says, and a few of its targets. */
  bad: string[];
}

export async function axe(page: Page, label: string): Promise<AxeReport> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: source });
  const result = await page.evaluate(async () => {
    const a = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    const r = await a.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const counts = { minor: 0, moderate: 0, serious: 0, critical: 0 };
  const bad: string[] = [];
  for (const v of result) {
    counts[v.impact as keyof typeof counts] += 1;
    if (v.impact === "serious" || v.impact === "critical") bad.push(`${v.id} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`);
  }
  const ids = result.map((v) => `${v.id}/${v.impact}`).join(" ");
  console.log(
    `axe ${label}: critical ${counts.critical}, serious ${counts.serious}, moderate ${counts.moderate}, minor ${counts.minor}${ids ? ` (${ids})` : ""}`,
  );
  for (const b of bad) console.log(`  ${b}`);
  return { counts, bad };
}
