// The charts in words: the numbers a sighted person reads off each chart (a line's peak and where
// it ends or stands now, the effort split, the marks), in English, German and Spanish, with each
// language's own way of writing numbers.
import { afterAll, describe, expect, it } from "vitest";
import { EFFORTS, type DebriefRound } from "../../shared/index.js";
import { effortText, lineText, marksText, peakOf, sharesText, stripsText } from "../../client/debrief/chart-summary.js";
import { liveTexts } from "../../client/host/live-summary.js";
import { initI18n } from "../../client/i18n/index.js";
import { formatValue } from "../../client/ui/dom.js";

/** Effort counters for one second (or one bin) from counts per kind. */
const effort = (counts: Partial<Record<(typeof EFFORTS)[number], number>>): number[] => EFFORTS.map((k) => counts[k] ?? 0);

describe("the charts in words", () => {
  afterAll(() => initI18n("en"));

  it("names a line's peak and where it ends, or that it ends at its peak", async () => {
    await initI18n("en");
    const value = [0, 250_000, 530_400, 480_000, 412_000];
    expect(peakOf(value)).toEqual({ value: 530_400, at: 2 });
    expect(lineText({ label: "Team value", values: value, fmt: formatValue }, true)).toBe("Team value: 412 now, peak 530 at 0:02.");
    expect(lineText({ label: "Team value", values: value, fmt: formatValue }, false)).toBe("Team value: peak 530 at 0:02, 412 at the end.");
    expect(lineText({ label: "Fires", values: [0, 3, 7, 7, 2] }, true)).toBe("Fires: 2 now, peak 7 at 0:02.");
    expect(lineText({ label: "Fires", values: [0, 1, 2] }, false)).toBe("Fires: 2 at the end, the highest of the round.");
    expect(lineText({ label: "Fires", values: [0, 0, 0] }, true)).toBe("Fires: 0 now.");
    expect(lineText({ label: "Praise", values: [0, 600, 1204], total: true }, true)).toBe("Praise: 1,204 now.");
    // The peak's time is its second on the chart's axis.
    const long = Array.from({ length: 400 }, (_, i) => (i === 370 ? 9 : 1));
    expect(lineText({ label: "Fires", values: long }, false)).toBe("Fires: peak 9 at 6:10, 1 at the end.");
  });

  it("gives the effort split in percent, leaving out what nobody did", async () => {
    await initI18n("en");
    const shares = [62.4, 20, 0, 7.6, 10];
    expect(sharesText(shares)).toBe("Extinguish 62%; Invest 20%; Sprint 8%; Walk, idle, burnt out 10%");
    expect(sharesText([0, 0, 0, 0, 0])).toBe("no time recorded");
  });

  it("says the debrief's effort chart: the round's split and when firefighting peaked", async () => {
    await initI18n("en");
    const perBin = [
      [10, 60, 0, 0, 30],
      [75, 5, 0, 10, 10],
      [50, 20, 0, 0, 30],
    ];
    const whole = effort({ extinguish: 135, invest: 85, sprint: 10, walk: 70 });
    expect(effortText(perBin, 30, whole)).toBe(
      "Over the round: Extinguish 45%; Invest 28%; Sprint 3%; Walk, idle, burnt out 23%. Extinguish: peak 75%, from 0:30.",
    );
    expect(marksText(170, 20)).toBe("The tipping point, 2:50, is marked. The what-if starts at 0:20.");
    expect(marksText(null, 0)).toBe("");
  });

  it("says each player's strip, marking yours and the bots", async () => {
    await initI18n("en");
    const player = (seat: number, name: string, bot: string | null) => ({ seat, name, bot }) as DebriefRound["players"][number];
    const round = {
      players: [player(0, "Ada", null), player(1, "Hero", "hero")],
      effortBins: [
        [...effort({ invest: 3, walk: 1 }), ...effort({ invest: 4 })],
        [...effort({ extinguish: 8 }), ...effort({ extinguish: 2 })],
      ],
    } as unknown as DebriefRound;
    expect(stripsText(round, 0)).toBe("Ada (you): Invest 88%; Walk, idle, burnt out 13%. Hero (bot): Extinguish 100%.");
  });

  it("keeps the live charts' words to the second: now, the peak so far, the split lately and so far", async () => {
    await initI18n("en");
    expect(liveTexts({ fires: [], waiting: [], value: [], praise: [], effort: [] }).fires).toBe(
      "Nothing to read yet: the chart fills in as the round is played.",
    );
    const seconds = 12;
    const said = liveTexts({
      fires: Array.from({ length: seconds }, (_, i) => (i === 4 ? 6 : 1)),
      waiting: Array.from({ length: seconds }, (_, i) => i),
      value: Array.from({ length: seconds }, (_, i) => 100_000 + i * 10_000),
      praise: Array.from({ length: seconds }, (_, i) => i * 20),
      // Two seconds of investing, then ten of putting out fires.
      effort: Array.from({ length: seconds }, (_, i) => (i < 2 ? effort({ invest: 4 }) : effort({ extinguish: 4 }))),
    });
    expect(said.fires).toBe("Fires: 1 now, peak 6 at 0:04. Waiting to happen (hidden risk): 11 now, the highest so far.");
    expect(said.value).toBe("Team value: 210 now, the highest so far. Praise: 220 now.");
    expect(said.effort).toBe("Last 10 seconds: Extinguish 100%. The round so far: Extinguish 83%; Invest 17%.");
    const first = liveTexts({ fires: [0], waiting: [0], value: [0], praise: [0], effort: [effort({ walk: 4 })] });
    expect(first.effort).toBe("Last second: Walk, idle, burnt out 100%. The round so far: Walk, idle, burnt out 100%.");
  });

  it("reads naturally in German and Spanish, with their numbers", async () => {
    const value = [0, 1_530_400, 1_204_000];
    await initI18n("de");
    expect(lineText({ label: "Teamwert", values: value, fmt: formatValue }, true)).toBe("Teamwert: jetzt 1.204, Höchststand 1.530 bei 0:01.");
    expect(lineText({ label: "Teamwert", values: value, fmt: formatValue }, false)).toBe("Teamwert: Höchststand 1.530 bei 0:01, am Ende 1.204.");
    // A percent sign keeps to its number: a space that does not break.
    expect(sharesText([62, 38, 0, 0, 0])).toBe("Löschen 62\u00a0%; Investieren 38\u00a0%");
    await initI18n("es");
    expect(lineText({ label: "Valor del equipo", values: value, fmt: formatValue }, true)).toBe("Valor del equipo: 1204 ahora, máximo de 1530 en el 0:01.");
    expect(sharesText([62, 38, 0, 0, 0])).toBe("Apagar 62\u00a0%; Invertir 38\u00a0%");
  });
});
