// Fires as images of a few pre-drawn flames (textures.ts) instead of shapes rebuilt every frame: at the peak
// of a round a third of the map burns, and re-tessellating hundreds of triangles per frame cost
// more than the rest of the scene on a machine that draws WebGL in software. Each burning
// tile is one quad from one texture, so the whole layer is a single batch.
import Phaser from "phaser";
import { reducedMotion } from "../a11y/motion.js";
import { TILE_PX } from "../constants.js";
import type { Frame } from "../net/frame.js";
import { FIRE_POSES as POSES, FIRES, fireFrame, MAX_HEAT, makeMapTextures } from "./textures.js";

const T = TILE_PX;
const POSE_MS = 110;

export class FireLayer {
  private readonly images: Phaser.GameObjects.Image[] = [];
  private readonly group: Phaser.GameObjects.Layer;
  /** Images shown at the last draw; the rest of the pool is hidden. */
  private count = 0;

  constructor(private readonly scene: Phaser.Scene) {
    makeMapTextures(scene);
    this.group = scene.add.layer().setDepth(2);
  }

  draw(frame: Frame | null, time: number): void {
    let n = 0;
    if (frame) {
      const w = frame.width;
      const calm = reducedMotion();
      const heat = frame.heat;
      for (let i = 0; i < heat.length; i++) {
        const h = heat[i]!;
        if (h === 0) continue;
        // Each tile flickers at its own phase, so the map does not pulse in step.
        const pose = calm ? 0 : (Math.floor(time / POSE_MS) + i * 7) % POSES;
        const img = this.images[n] ?? this.add();
        img.setFrame(fireFrame(Math.min(h, MAX_HEAT), pose));
        img.setPosition((i % w) * T, Math.floor(i / w) * T);
        img.setVisible(true);
        n++;
      }
    }
    for (let k = n; k < this.count; k++) this.images[k]!.setVisible(false);
    this.count = n;
  }

  private add(): Phaser.GameObjects.Image {
    const img = new Phaser.GameObjects.Image(this.scene, 0, 0, FIRES, fireFrame(1, 0)).setOrigin(0, 0);
    this.images.push(img);
    this.group.add(img);
    return img;
  }
}
