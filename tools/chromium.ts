// Debian's Chromium as the browser tests and the client benchmark drive it: where it is, and the
// flags that work on these machines (no sandbox as root, software WebGL through SwiftShader, no
// network of its own). Playwright never downloads a browser here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_FLAGS: readonly string[] = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
