import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { defineConfig } from "vite";

const phaserSrc = resolve(dirname(createRequire(import.meta.url).resolve("phaser/package.json")), "src");
/** The build-time flags Phaser's sources test with `typeof FLAG`: both renderers (WebGL where
 *  the browser has it, the 2D canvas where it does not), no sound manager (client/audio plays
 *  through Web Audio itself), no debugging hooks, no optional plugins. */
const PHASER_FLAGS = {
  "typeof WEBGL_RENDERER": "true",
  "typeof CANVAS_RENDERER": "true",
  "typeof WEBGL_DEBUG": "false",
  "typeof FEATURE_SOUND": "false",
  "typeof PLUGIN_CAMERA3D": "false",
  "typeof PLUGIN_FBINSTANT": "false",
};

// The client lives in client/; the build lands in dist/, which the game server serves.
export default defineConfig({
  root: "client",
  publicDir: resolve(import.meta.dirname, "assets"),
  resolve: {
    alias: [
      { find: /^phaser$/, replacement: resolve(import.meta.dirname, "client/engine/phaser.js") },
      { find: /^phaser\/src\//, replacement: `${phaserSrc}/` },
    ],
  },
  define: PHASER_FLAGS,
  // The dev server pre-bundles Phaser's sources as dependencies; they need the flags too.
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
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
        // Phaser changes rarely; its own chunk (its sources and the entry that picks from them)
        // stays cached across game updates.
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]|client[\\/]engine[\\/]phaser\.js$/ }] },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { "/healthz": "http://localhost:2567", "/api": "http://localhost:2567" },
  },
});
