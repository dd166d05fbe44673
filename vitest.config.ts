import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // Thesis tests play whole rounds over many seeds; browser tests start Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A safety net: a server a test boots without its own store never writes the repository's data/,
    // nor a database a developer's DATABASE_URL names (empty counts as unset).
    env: { DOTENV_CONFIG_QUIET: "true", DATA_DIR: ":memory:", DATABASE_URL: "" },
  },
});
