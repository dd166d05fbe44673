// Names on avatars as HTML over the canvas: the browser draws the text at device pixels, so a
// name stays sharp whatever the camera's zoom or the canvas's render scale (text drawn into
// WebGL and scaled blurs). Placed after each render, when the camera's view is final for the
// frame. The layer sits inside #game, which is hidden from screen readers: the narrator
// (a11y/) says who is where.
import Phaser from "phaser";

export interface TagStyle {
  text: string;
  /** A person's name floats above the disc; a bot's seat number sits on it. */
  onDisc: boolean;
  you: boolean;
  dim: boolean;
}

export class NameTags {
  private readonly root: HTMLDivElement;
  private readonly tags = new Map<string, { el: HTMLSpanElement; style: string; x: number; y: number; lift: number; disc: number }>();
  private readonly place = () => this.placeAll();

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly nameScale: number,
  ) {
    this.root = document.createElement("div");
    this.root.className = "name-tags";
    scene.game.canvas.parentElement?.appendChild(this.root);
    scene.game.events.on(Phaser.Core.Events.POST_RENDER, this.place);
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.destroy());
    scene.events.once(Phaser.Scenes.Events.DESTROY, () => this.destroy());
  }

  /** Sets a tag's words and look, and where it belongs in world pixels (`lift`: the disc's radius). */
  set(key: string, style: TagStyle, x: number, y: number, lift: number): void {
    let tag = this.tags.get(key);
    if (!tag) {
      const el = document.createElement("span");
      this.root.appendChild(el);
      tag = { el, style: "", x, y, lift, disc: 0 };
      this.tags.set(key, tag);
    }
    const look = `${style.text}|${style.onDisc}|${style.you}|${style.dim}`;
    if (look !== tag.style) {
      tag.style = look;
      tag.el.textContent = style.text;
      tag.el.className = `name-tag${style.onDisc ? " on-disc" : ""}${style.you ? " you" : ""}${style.dim ? " dim" : ""}`;
    }
    Object.assign(tag, { x, y, lift });
  }

  remove(key: string): void {
    this.tags.get(key)?.el.remove();
    this.tags.delete(key);
  }

  private placeAll(): void {
    const cam = this.scene.cameras?.main;
    if (!cam || !this.scene.sys.isActive()) return;
    const view = cam.worldView;
    const canvas = this.scene.game.canvas;
    // Game pixels to CSS pixels: the canvas may draw fewer pixels than it shows.
    const css = canvas.clientWidth / Math.max(1, this.scene.scale.width);
    const k = cam.zoom * css;
    for (const tag of this.tags.values()) {
      const sx = (tag.x - view.x) * k + cam.x * css;
      const sy = (tag.y - view.y) * k + cam.y * css;
      if (tag.el.classList.contains("on-disc")) {
        // The seat number fills the disc at any zoom.
        const size = Math.round(tag.lift * 1.3 * k * 2) / 2;
        if (size !== tag.disc) {
          tag.disc = size;
          tag.el.style.fontSize = `${size}px`;
        }
        tag.el.style.transform = `translate(${sx.toFixed(1)}px, ${sy.toFixed(1)}px) translate(-50%, -50%)`;
      } else {
        if (tag.disc !== this.nameScale) {
          tag.disc = this.nameScale;
          tag.el.style.fontSize = `${13 * this.nameScale}px`;
        }
        tag.el.style.transform = `translate(${sx.toFixed(1)}px, ${(sy - (tag.lift + 3) * k).toFixed(1)}px) translate(-50%, -100%)`;
      }
    }
  }

  private destroy(): void {
    this.scene.game.events.off(Phaser.Core.Events.POST_RENDER, this.place);
    this.root.remove();
    this.tags.clear();
  }
}
