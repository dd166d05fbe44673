// Avatars: a disc per seat with its name; yours ringed in white. Others glide toward the
// latest server position (interpolation); yours is drawn where the predictor puts it.
import Phaser from "phaser";
import { SUB } from "../../shared/state.js";
import { PALETTE, TILE_PX } from "../constants.js";
import type { Frame, FramePlayer } from "../net/frame.js";
import { t } from "../i18n/index.js";
import { playerName } from "../i18n/player-names.js";
import { NameTags } from "./name-tags.js";
import { type Piece, PIECE_RADIUS, pieceTexture } from "./textures.js";

/** One avatar's images (textures.ts): its trail when sprinting, disc, your ring, and the arc of work. */
interface Sprite {
  trail: Phaser.GameObjects.Image;
  disc: Phaser.GameObjects.Image;
  ring: Phaser.GameObjects.Image;
  arc: Phaser.GameObjects.Image;
  x: number;
  y: number;
}

const toWorld = (v: number) => (v / SUB) * TILE_PX;

export class Avatars {
  private readonly sprites = new Map<string, Sprite>();
  private players: FramePlayer[] = [];
  private readonly tags: NameTags;

  /** `nameScale`: names this many times the usual 13 px (the projector is read from afar). */
  constructor(
    private readonly scene: Phaser.Scene,
    nameScale = 1,
  ) {
    this.tags = new NameTags(scene, nameScale);
  }

  update(frame: Frame): void {
    this.players = frame.players;
    const seen = new Set<string>();
    for (const p of frame.players) {
      seen.add(p.key);
      if (this.sprites.has(p.key)) continue;
      const piece = (kind: Piece) => this.scene.add.image(0, 0, pieceTexture(this.scene, kind, 0xffffff)).setDepth(5);
      this.sprites.set(p.key, {
        trail: piece("disc"),
        disc: piece("disc"),
        ring: piece("ring"),
        arc: piece("arc"),
        x: toWorld(p.x),
        y: toWorld(p.y),
      });
    }
    for (const [key, s] of this.sprites) {
      if (seen.has(key)) continue;
      for (const img of [s.trail, s.disc, s.ring, s.arc]) img.destroy();
      this.tags.remove(key);
      this.sprites.delete(key);
    }
  }

  /** Moves and redraws every avatar; `me` is the predicted position of yours. */
  animate(dt: number, time: number, me: { x: number; y: number } | null): void {
    const k = 1 - Math.exp(-dt / 70);
    for (const p of this.players) {
      const s = this.sprites.get(p.key);
      if (!s) continue;
      const tx = p.isYou && me ? toWorld(me.x) : toWorld(p.x);
      const ty = p.isYou && me ? toWorld(me.y) : toWorld(p.y);
      s.x += (tx - s.x) * (p.isYou ? 0.6 : k);
      s.y += (ty - s.y) * (p.isYou ? 0.6 : k);
      this.draw(s, p, time);
    }
  }

  /** World position of a seat's avatar, for effects. */
  positionOf(key: string): { x: number; y: number } | null {
    const s = this.sprites.get(key);
    return s ? { x: s.x, y: s.y } : null;
  }

  /** Shows a piece in a colour; the texture changes only when the colour does. */
  private colour(img: Phaser.GameObjects.Image, piece: Piece, colour: number): Phaser.GameObjects.Image {
    const key = pieceTexture(this.scene, piece, colour);
    if (img.texture.key !== key) img.setTexture(key);
    return img;
  }

  private draw(s: Sprite, p: FramePlayer, time: number): void {
    const away = p.status === "away" || p.status === "left";
    const colour = PALETTE.seats[p.seat % PALETTE.seats.length]!;
    // At the widest zoom a disc keeps at least ~8 screen pixels of radius.
    const r = Math.max(TILE_PX * 0.34, 8 / (this.scene.cameras.main.zoom || 1));
    const scale = r / PIECE_RADIUS;
    const alpha = away ? 0.35 : 1;
    const moving = p.sprint && (p.dirX !== 0 || p.dirY !== 0);
    s.trail.setVisible(moving);
    if (moving)
      s.trail
        .setPosition(s.x - p.dirX * 8, s.y - p.dirY * 8)
        .setScale(scale * 0.9)
        .setAlpha(0.18 * alpha);
    this.colour(s.disc, "disc", p.burnout > 0 ? 0x6b7280 : colour)
      .setPosition(s.x, s.y)
      .setScale(scale)
      .setAlpha(alpha);
    this.colour(s.ring, "ring", PALETTE.you).setVisible(p.isYou).setPosition(s.x, s.y).setScale(scale).setAlpha(alpha);
    s.arc.setVisible(p.action !== 0);
    if (p.action !== 0)
      // A turning arc shows work in progress.
      this.colour(s.arc, "arc", p.action === 1 ? PALETTE.fire[2]! : p.action === 2 ? PALETTE.guardLight : 0xffffff)
        .setPosition(s.x, s.y)
        .setScale(scale)
        .setRotation((time / 150) % (Math.PI * 2))
        .setAlpha(alpha);
    // People carry their name above them; bots only their seat number, on the disc, so a
    // crowd of avatars stays readable. The leaderboard names every bot and its kind.
    const name = p.isYou ? t("common.withYou", { name: p.name }) : playerName(p);
    const text = p.bot ? String(p.seat + 1) : p.burnout > 0 ? t("common.burntOut", { name }) : name;
    this.tags.set(p.key, { text, onDisc: p.bot !== "", you: p.isYou, dim: away }, s.x, s.y, r);
  }
}
