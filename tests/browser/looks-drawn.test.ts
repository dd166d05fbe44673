// The screenshot check itself must be able to fail: a blank page is not "drawn".
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { hasMarks, looksDrawn } from "./harness.js";

function png(fill: (x: number, y: number) => [number, number, number]): Buffer {
  const img = new PNG({ width: 200, height: 120 });
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4;
      const [r, g, b] = fill(x, y);
      img.data[i] = r;
      img.data[i + 1] = g;
      img.data[i + 2] = b;
      img.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(img);
}

describe("looksDrawn", () => {
  it("rejects a blank page and a page of one colour with a few marks", () => {
    expect(looksDrawn(png(() => [20, 22, 28]))).toBe(false);
    expect(looksDrawn(png((x, y) => (x < 4 && y < 4 ? [255, 0, 0] : [255, 255, 255])))).toBe(false);
  });

  it("accepts a varied picture", () => {
    expect(looksDrawn(png((x, y) => [(x * 7) & 255, (y * 5) & 255, ((x + y) * 3) & 255]))).toBe(true);
  });
});

describe("hasMarks", () => {
  it("rejects an empty chart and accepts one with coloured lines across it", () => {
    const bg: [number, number, number] = [20, 22, 28];
    expect(hasMarks(png(() => bg))).toBe(false);
    // One dot is not a chart.
    expect(hasMarks(png((x, y) => (x === 5 && y === 5 ? [255, 0, 0] : bg)))).toBe(false);
    // Lines of several shades across the plot, on a background that covers most of it.
    const lines = png((x, y) => (y === 60 - Math.floor(x / 4) || y === 30 + (x % 20) ? [200 - (x % 40), 120 + (x % 30), 40] : bg));
    expect(hasMarks(lines)).toBe(true);
  });
});
