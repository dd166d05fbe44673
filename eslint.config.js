// Boundaries that enforce themselves (npm run lint, run by .ci/run). Type-aware rules are left
// to `tsc`; ESLint checks what the compiler cannot: who may import what, and that the rules in
// shared/ stay pure (no randomness, clocks, timers, DOM or Node, no floating transcendental maths).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Names a pure rules module may not touch: each would make a replay differ between runs or engines. */
const IMPURE_GLOBALS = [
  "Date",
  "setTimeout",
  "setInterval",
  "clearTimeout",
  "clearInterval",
  "setImmediate",
  "queueMicrotask",
  "performance",
  "window",
  "document",
  "navigator",
  "localStorage",
  "sessionStorage",
  "fetch",
  "process",
  "Buffer",
  "require",
  "crypto",
].map((name) => ({
  name,
  message: "shared/ holds the pure rules: no clocks, timers, I/O, DOM or Node (pass what you need in as data).",
}));
const IMPURE_MATH = [
  "random",
  "pow",
  "exp",
  "expm1",
  "log",
  "log2",
  "log10",
  "log1p",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "atan2",
  "sinh",
  "cosh",
  "tanh",
  "cbrt",
  "hypot",
].map((property) => ({
  object: "Math",
  property,
  message: "shared/ is deterministic across engines: integer maths (shared/intmath.ts) and the PRNG in the game state only.",
}));

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "test-results/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    files: ["client/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/server/**", "**/server"], message: "The client imports the wire contract from shared/protocol, never from server/." }] },
      ],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", ...IMPURE_GLOBALS],
      "no-restricted-properties": ["error", ...IMPURE_MATH],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["node:*", "fs", "path", "os", "crypto", "http", "zlib"], message: "shared/ does no I/O." },
            { group: ["**/server/**", "**/client/**", "phaser", "colyseus.js", "@colyseus/*"], message: "shared/ depends on nothing but itself (and zod)." },
          ],
        },
      ],
    },
  },
);
