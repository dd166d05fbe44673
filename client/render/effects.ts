// The feel of a save: a burst of sparks, the praise floating up, a chime. Also the quieter
// cues: a blue pulse when guard goes up, a ripple when someone steps back.
import Phaser from "phaser";
import { PALETTE, TILE_PX } from "../constants.js";
import type { Frame } from "../net/frame.js";
import { sound } from "../audio/sound.js";
import { reducedMotion } from "../a11y/motion.js";

export const SPARK_TEXTURE = "spark";
/** A spark's colours, one frame each: a particle picks one at random. (Frames rather than
 *  a tint, which the 2D canvas renderer cannot draw.) */
const SPARK_COLOURS = [PALETTE.fire[1]!, PALETTE.fire[2]!, 0xffffff];
const SPARK_FRAMES = SPARK_COLOURS.map((_, k) => String(k));

/** Draws the spark texture once, so no image has to be downloaded. */
export function makeSparkTexture(scene: Phaser.Scene): void {
  if (scene.textures.exists(SPARK_TEXTURE)) return;
  const tex = scene.textures.createCanvas(SPARK_TEXTURE, 8 * SPARK_COLOURS.length, 8);
  const ctx = tex?.getContext();
  if (!tex || !ctx) return;
  SPARK_COLOURS.forEach((colour, k) => {
    ctx.fillStyle = `#${colour.toString(16).padStart(6, "0")}`;
    ctx.beginPath();
    ctx.arc(k * 8 + 4, 4, 4, 0, Math.PI * 2);
    ctx.fill();
    tex.add(SPARK_FRAMES[k]!, 0, k * 8, 0, 8, 8);
  });
  tex.refresh();
}

const centre = (frame: Frame, i: number) => ({ x: (i % frame.width) * TILE_PX + TILE_PX / 2, y: Math.floor(i / frame.width) * TILE_PX + TILE_PX / 2 });

export class Effects {
  private readonly sparks: Phaser.GameObjects.Particles.ParticleEmitter;

  constructor(private readonly scene: Phaser.Scene) {
    this.sparks = scene.add
      .particles(0, 0, SPARK_TEXTURE, {
        speed: { min: 60, max: 220 },
        lifespan: { min: 350, max: 800 },
        scale: { start: 0.9, end: 0 },
        frame: SPARK_FRAMES,
        gravityY: 160,
        emitting: false,
      })
      .setDepth(8);
  }

  /** Compares two frames and celebrates what changed. */
  changes(prev: Frame, next: Frame): void {
    if (prev.width !== next.width) return;
    for (const p of prev.players) {
      if (p.action !== 1 || p.actionTile < 0) continue;
      if ((prev.heat[p.actionTile] ?? 0) > 0 && next.heat[p.actionTile] === 0) {
        const after = next.players.find((q) => q.key === p.key);
        const gained = after ? after.praise - p.praise : 0;
        if (gained > 0) this.save(next, p.actionTile, gained, p.isYou, prev.heat[p.actionTile]!);
      }
    }
    next.guard.forEach((g, i) => {
      if (g > (prev.guard[i] ?? 0)) this.guard(next, i, next.you?.actionTile === i || prev.you?.actionTile === i);
    });
    if (next.revealUntil > 0 && prev.revealUntil !== next.revealUntil) sound.play("stepBack");
    if (next.phase !== prev.phase) sound.play("phase");
    if (prev.you && next.you && prev.you.burnout === 0 && next.you.burnout > 0) sound.play("burnout");
    if (next.ended === "collapse" && prev.ended !== "collapse") sound.play("collapse");
  }

  private save(frame: Frame, tile: number, praise: number, mine: boolean, heat: number): void {
    const { x, y } = centre(frame, tile);
    const calm = reducedMotion();
    // Reduced motion: a few sparks, the praise fades where it appears, the camera stays still.
    this.sparks.explode(calm ? 4 : mine ? 26 + heat * 8 : 12, x, y);
    const text = this.scene.add
      .text(x, y - 10, `+${praise}`, {
        fontFamily: "system-ui, sans-serif",
        fontSize: mine ? "20px" : "14px",
        fontStyle: "bold",
        color: "#f0e442",
        stroke: "#000000",
        strokeThickness: 4,
      })
      .setOrigin(0.5)
      .setDepth(9);
    this.scene.tweens.add({ targets: text, y: calm ? y - 10 : y - 50, alpha: 0, duration: 1100, ease: "Cubic.easeOut", onComplete: () => text.destroy() });
    if (mine) {
      sound.play(heat >= 3 ? "bigSave" : "save");
      if (!calm) this.scene.cameras.main.shake(120, 0.004);
    }
  }

  private guard(frame: Frame, tile: number, mine: boolean): void {
    const { x, y } = centre(frame, tile);
    const ring = this.scene.add
      .circle(x, y, TILE_PX * 0.4)
      .setStrokeStyle(3, PALETTE.guardLight, 1)
      .setDepth(8);
    this.scene.tweens.add({ targets: ring, scale: reducedMotion() ? 1 : 2.4, alpha: 0, duration: 700, onComplete: () => ring.destroy() });
    if (mine) sound.play("guard");
  }
}
