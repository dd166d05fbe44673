import { resolve } from "node:path";
import { defineConfig } from "vite";

// The client lives in client/; the build lands in dist/, which the game server serves.
export default defineConfig({
  root: "client",
  publicDir: resolve(import.meta.dirname, "assets"),
  build: {
    outDir: resolve(import.meta.dirname, "dist"),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      // The timing report is noise on a shared, loaded machine.
      checks: { bundlerTimings: false },
      input: {
        main: resolve(import.meta.dirname, "client/index.html"),
        selftest: resolve(import.meta.dirname, "client/selftest.html"),
        host: resolve(import.meta.dirname, "client/host.html"),
        screen: resolve(import.meta.dirname, "client/screen.html"),
        guide: resolve(import.meta.dirname, "client/guide.html"),
      },
      output: {
        // Phaser changes rarely; its own chunk stays cached across game updates.
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/healthz": "http://localhost:2567", "/api": "http://localhost:2567" },
  },
});
