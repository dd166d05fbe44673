import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// The suite is split by weight so that it passes on a 2-core machine as reliably as on a big one.
// Light files (rules, server rooms in-process) run in parallel, one worker per core. The heavy
// ones each want the whole machine: a browser file drives several Chromiums drawing WebGL in
// software, a scale file starts server processes and Redis. They run after the light group, one
// file at a time, so no deadline in them depends on what else happens to be running.
const cores = Math.max(1, availableParallelism());

const shared = {
  // A safety net: a server a test boots without its own store never writes the repository's data/,
  // nor a database a developer's DATABASE_URL names (empty counts as unset).
  env: { DOTENV_CONFIG_QUIET: "true", DATA_DIR: ":memory:", DATABASE_URL: "" },
};

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "light",
          include: [
            "tests/rules/**/*.test.ts",
            "tests/server/**/*.test.ts",
            "tests/lint/**/*.test.ts",
            "tests/client/**/*.test.ts",
            "tests/browser/looks-drawn.test.ts",
          ],
          // Thesis checks play whole rounds; a slow machine gets time, never a different verdict.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          maxWorkers: cores,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          exclude: ["tests/browser/looks-drawn.test.ts"],
          // Builds the client once, only when a browser file is about to run.
          globalSetup: ["tests/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Polls wait for what a person would see; on a loaded machine that can take seconds.
          expect: { poll: { timeout: 15_000, interval: 100 } },
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "scale",
          include: ["tests/scale/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
