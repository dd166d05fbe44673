// Avatars: a disc per seat with its name; yours ringed in white. Others glide toward the
// latest server position (interpolation); yours is drawn where the predictor puts it.
import Phaser from "phaser";
import { SUB } from "../../shared/state.js";
import { PALETTE, TILE_PX } from "../constants.js";
import type { Frame, FramePlayer } from "../net/frame.js";
import { t } from "../i18n/index.js";
import { playerName } from "../i18n/player-names.js";

interface Sprite {
  body: Phaser.GameObjects.Graphics;
  label: Phaser.GameObjects.Text;
  x: number;
  y: number;
}

const toWorld = (v: number) => (v / SUB) * TILE_PX;

export class Avatars {
  private readonly sprites = new Map<string, Sprite>();
  private players: FramePlayer[] = [];

  /** `nameScale`: names this many times the usual 13 px (the projector is read from afar). */
  constructor(
    private readonly scene: Phaser.Scene,
    private readonly nameScale = 1,
  ) {}

  update(frame: Frame): void {
    this.players = frame.players;
    const seen = new Set<string>();
    for (const p of frame.players) {
      seen.add(p.key);
      if (this.sprites.has(p.key)) continue;
      const label = this.scene.add
        .text(0, 0, p.isYou ? t("common.withYou", { name: p.name }) : playerName(p), {
          fontFamily: "system-ui, sans-serif",
          fontSize: `${Math.round(13 * this.nameScale)}px`,
          color: p.isYou ? "#ffffff" : "#d6d9e0",
          stroke: "#000000",
          strokeThickness: 3,
        })
        .setOrigin(0.5, 1)
        .setDepth(6);
      this.sprites.set(p.key, { body: this.scene.add.graphics().setDepth(5), label, x: toWorld(p.x), y: toWorld(p.y) });
    }
    for (const [key, s] of this.sprites) {
      if (seen.has(key)) continue;
      s.body.destroy();
      s.label.destroy();
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

  private draw(s: Sprite, p: FramePlayer, time: number): void {
    const g = s.body;
    g.clear();
    const away = p.status === "away" || p.status === "left";
    const colour = PALETTE.seats[p.seat % PALETTE.seats.length]!;
    // At the widest zoom a disc keeps at least ~8 screen pixels of radius.
    const r = Math.max(TILE_PX * 0.34, 8 / (this.scene.cameras.main.zoom || 1));
    g.setAlpha(away ? 0.35 : 1);
    if (p.sprint && (p.dirX !== 0 || p.dirY !== 0)) {
      g.fillStyle(0xffffff, 0.18);
      g.fillCircle(s.x - p.dirX * 8, s.y - p.dirY * 8, r * 0.9);
    }
    g.fillStyle(p.burnout > 0 ? 0x6b7280 : colour, 1);
    g.fillCircle(s.x, s.y, r);
    g.lineStyle(p.isYou ? 3 : 1.5, p.isYou ? PALETTE.you : 0x000000, 1);
    g.strokeCircle(s.x, s.y, r + (p.isYou ? 2 : 0));
    if (p.action !== 0) {
      // A turning arc shows work in progress.
      const a = (time / 150) % (Math.PI * 2);
      g.lineStyle(3, p.action === 1 ? PALETTE.fire[2]! : p.action === 2 ? PALETTE.guardLight : 0xffffff, 1);
      g.beginPath();
      g.arc(s.x, s.y, r + 6, a, a + Math.PI * 1.2);
      g.strokePath();
    }
    // People carry their name above them; bots only their seat number, on the disc, so a
    // crowd of avatars stays readable. The leaderboard names every bot and its kind.
    const zoom = this.scene.cameras.main.zoom || 1;
    const renderScale = this.scene.scale.width / Math.max(1, window.innerWidth);
    if (p.bot) {
      s.label
        .setText(String(p.seat + 1))
        .setOrigin(0.5, 0.5)
        .setColor("#111111")
        .setStroke("#000000", 0);
      s.label.setScale(Math.min(1, (r * 1.3) / (13 * this.nameScale))).setPosition(s.x, s.y);
    } else {
      const name = p.isYou ? t("common.withYou", { name: p.name }) : p.name;
      s.label.setText(p.burnout > 0 ? t("common.burntOut", { name }) : name).setOrigin(0.5, 1);
      // Names stay the same size on screen whatever the zoom.
      s.label.setScale(renderScale / zoom).setPosition(s.x, s.y - r - 3);
    }
    s.label.setAlpha(away ? 0.5 : 1);
  }
}
