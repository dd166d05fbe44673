import { describe, expect, it } from "vitest";
import { chooseRenderer } from "../../client/render/renderer-choice.js";

describe("which renderer draws the game", () => {
  it("uses WebGL on a GPU", () => {
    expect(chooseRenderer(null, "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe("webgl");
    expect(chooseRenderer(null, "Apple M2")).toBe("webgl");
    expect(chooseRenderer(null, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)")).toBe("webgl");
  });

  it("uses the 2D canvas where WebGL runs in software, or not at all", () => {
    expect(chooseRenderer(null, "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)")).toBe("canvas");
    expect(chooseRenderer(null, "llvmpipe (LLVM 15.0.6, 256 bits)")).toBe("canvas");
    expect(chooseRenderer(null, "ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)")).toBe("canvas");
    expect(chooseRenderer(null, null)).toBe("canvas");
  });

  it("follows a forced choice, and ignores one it does not know", () => {
    expect(chooseRenderer("webgl", "SwiftShader")).toBe("webgl");
    expect(chooseRenderer("canvas", "Apple M2")).toBe("canvas");
    expect(chooseRenderer("fast", "Apple M2")).toBe("webgl");
  });
});
