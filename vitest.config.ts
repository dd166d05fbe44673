import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // Thesis tests play whole rounds over many seeds; browser tests start Chromium.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { DOTENV_CONFIG_QUIET: "true" },
  },
});
