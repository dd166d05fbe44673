// The map's moving pieces drawn once, on 2D canvases, as textures: fire poses, an avatar's
// disc, your ring and the turning arc of work in progress. The game then moves images of them,
// which batch into few draw calls. A 2D canvas smooths its edges itself, so the WebGL canvas
// can go without multisampling (game.ts), which a machine drawing WebGL in software pays
// for on every pixel of every frame. Pieces come in their colours rather than tinted white:
// the 2D canvas renderer (renderer-choice.ts) cannot tint.
import type Phaser from "phaser";
import { PALETTE, TILE_PX } from "../constants.js";

const T = TILE_PX;
/** Flicker poses per heat; pose 0 is the calm one (reduced motion shows only it). */
export const FIRE_POSES = 4;
export const MAX_HEAT = PALETTE.fire.length - 1;
/** Every fire pose is a frame of one texture, so the whole fire layer draws in one batch
 *  (a texture each split it into hundreds of draw calls, which software WebGL pays dearly). */
export const FIRES = "fires";
export const fireFrame = (heat: number, pose: number) => `${heat}-${pose}`;
/** Avatar pieces are drawn at this radius and scaled to the avatar's. */
export const PIECE_RADIUS = 28;
export const PIECE_SIZE = 96;
export type Piece = "disc" | "ring" | "arc";

const css = (colour: number, alpha = 1) => `rgba(${(colour >> 16) & 255}, ${(colour >> 8) & 255}, ${colour & 255}, ${alpha})`;

function canvasTexture(scene: Phaser.Scene, key: string, w: number, h: number, draw: (ctx: CanvasRenderingContext2D) => void): void {
  if (scene.textures.exists(key)) return;
  const tex = scene.textures.createCanvas(key, w, h);
  const ctx = tex?.getContext();
  if (!tex || !ctx) return;
  draw(ctx);
  tex.refresh();
}

function drawFire(ctx: CanvasRenderingContext2D, heat: number, pose: number): void {
  const c = T / 2;
  const sway = [1, 0.86, 1.12, 0.94][pose]!;
  const size = (5 + heat * 2.6) * sway;
  ctx.fillStyle = css(PALETTE.fire[heat]!, 0.35);
  ctx.fillRect(1, 1, T - 2, T - 2);
  // One tongue per heat level: the count reads without colour.
  ctx.fillStyle = css(PALETTE.fire[heat]!);
  for (let k = 0; k < heat; k++) {
    const ox = (k - (heat - 1) / 2) * 6;
    const stretch = pose === 0 ? 1 : 1 + 0.2 * (((k + pose) % 3) - 1);
    const h = Math.min(c + 6, size * 1.6 * stretch);
    ctx.beginPath();
    ctx.moveTo(c + ox - 4, c + 8);
    ctx.lineTo(c + ox + 4, c + 8);
    ctx.lineTo(c + ox, c + 8 - h);
    ctx.closePath();
    ctx.fill();
  }
  ctx.fillStyle = css(PALETTE.fireCore, 0.9);
  ctx.beginPath();
  ctx.arc(c, c + 5, 2 + heat * 0.8, 0, Math.PI * 2);
  ctx.fill();
}

/** Makes the fire poses once per game (textures outlive scenes). */
export function makeMapTextures(scene: Phaser.Scene): void {
  if (!scene.textures.exists(FIRES)) {
    const tex = scene.textures.createCanvas(FIRES, FIRE_POSES * T, MAX_HEAT * T);
    const ctx = tex?.getContext();
    if (tex && ctx) {
      for (let heat = 1; heat <= MAX_HEAT; heat++)
        for (let pose = 0; pose < FIRE_POSES; pose++) {
          const x = pose * T;
          const y = (heat - 1) * T;
          ctx.save();
          ctx.translate(x, y);
          drawFire(ctx, heat, pose);
          ctx.restore();
          tex.add(fireFrame(heat, pose), 0, x, y, T, T);
        }
      tex.refresh();
    }
  }
}

/** The texture of an avatar's piece in a colour, drawn the first time it is asked for. */
export function pieceTexture(scene: Phaser.Scene, piece: Piece, colour: number): string {
  const key = `avatar-${piece}-${colour.toString(16)}`;
  const mid = PIECE_SIZE / 2;
  const R = PIECE_RADIUS;
  // Line widths in the piece's pixels, so they keep their on-screen width after scaling.
  const px = (w: number) => (w * R) / (T * 0.34);
  canvasTexture(scene, key, PIECE_SIZE, PIECE_SIZE, (ctx) => {
    ctx.beginPath();
    if (piece === "disc") {
      // The dark edge stays dark whatever the seat's colour.
      ctx.fillStyle = css(colour);
      ctx.strokeStyle = "#000000";
      ctx.lineWidth = px(1.5);
      ctx.arc(mid, mid, R, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    } else if (piece === "ring") {
      ctx.strokeStyle = css(colour);
      ctx.lineWidth = px(3);
      ctx.arc(mid, mid, R + px(2), 0, Math.PI * 2);
      ctx.stroke();
    } else {
      ctx.strokeStyle = css(colour);
      ctx.lineWidth = px(3);
      ctx.lineCap = "round";
      ctx.arc(mid, mid, R + px(6), 0, Math.PI * 1.2);
      ctx.stroke();
    }
  });
  return key;
}
