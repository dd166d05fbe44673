// Builds the client once before the browser tests, which load it from the game server.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export default function setup(): void {
  const chromium = existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium");
  if (!chromium && process.env.CI !== "true") return;
  execFileSync("npx", ["vite", "build", "--logLevel", "error"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
}
