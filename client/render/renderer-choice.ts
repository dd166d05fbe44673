// Which of Phaser's renderers draws the game on this machine. WebGL where a GPU runs it. Where
// WebGL is emulated in software (SwiftShader, llvmpipe: a laptop whose GPU the browser refuses,
// a locked-down or virtual machine), the 2D canvas: the browser rasterises it natively, and there
// it draws a peak round at full resolution in one frame where emulated WebGL takes two or three
// (`npm run bench:client` measures both in one run). Everything on the map is pre-drawn
// (textures.ts) so both renderers show the same picture. `?renderer=webgl|canvas` forces one.

export type RendererName = "webgl" | "canvas";

/** GPU names that mean WebGL runs on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

/** The renderer for a forced choice (`?renderer=`) or, without one, for the GPU WebGL reports
 *  (`null`: no WebGL at all). Pure, so the choice is tested without a browser. */
export function chooseRenderer(forced: string | null, gpu: string | null): RendererName {
  if (forced === "webgl" || forced === "canvas") return forced;
  if (gpu === null) return "canvas";
  return SOFTWARE.test(gpu) ? "canvas" : "webgl";
}

/** The GPU's name as WebGL reports it, from a throwaway context; null without WebGL. */
export function webglGpuName(): string | null {
  const gl = document.createElement("canvas").getContext("webgl");
  if (!gl) return null;
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
  // Browsers cap live contexts; this one has answered.
  gl.getExtension("WEBGL_lose_context")?.loseContext();
  return name;
}

export function pickRenderer(): RendererName {
  const forced = new URLSearchParams(location.search).get("renderer");
  return forced === "webgl" || forced === "canvas" ? forced : chooseRenderer(null, webglGpuName());
}
