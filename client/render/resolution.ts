// Dynamic resolution: where frames take too long (a weak GPU, or software WebGL), the game
// draws fewer pixels and the browser scales the canvas up, as console games do. On a
// capable GPU it never drops. `?renderScale=0.75` fixes the scale for testing.
import Phaser from "phaser";

/** Never below 0.75: fewer pixels than that blurs the map more than a slower frame hurts. */
const STEPS = [1, 0.75];
/** Mean frame time (ms) over a window above which the game steps down: the mean counts
 *  the occasional long frames a player feels as stutter, which a median would hide. */
const SLOW_MS = 20;
const WINDOW = 45;

export class RenderScale {
  private step = 0;
  private readonly samples: number[] = [];
  private fixed: number | null;

  constructor(private readonly game: Phaser.Game) {
    const forced = Number(new URLSearchParams(location.search).get("renderScale"));
    this.fixed = forced >= 0.25 && forced <= 1 ? forced : null;
    window.addEventListener("resize", () => this.apply());
    // The loop smooths its delta; the raw one is what the player sees.
    game.events.on(Phaser.Core.Events.POST_STEP, () => this.sample(game.loop.rawDelta));
    this.apply();
  }

  /** Pins the scale, or with null lets it follow frame times again (the benchmark measures both). */
  fix(value: number | null): void {
    this.fixed = value;
    this.step = 0;
    this.samples.length = 0;
    this.apply();
  }

  get value(): number {
    return this.fixed ?? STEPS[this.step]!;
  }

  private sample(delta: number): void {
    if (this.fixed !== null || this.step === STEPS.length - 1) return;
    this.samples.push(delta);
    if (this.samples.length < WINDOW) return;
    const mean = this.samples.reduce((a, b) => a + b, 0) / WINDOW;
    this.samples.length = 0;
    if (mean > SLOW_MS) {
      this.step++;
      this.apply();
    }
  }

  private apply(): void {
    const s = this.value;
    this.game.scale.resize(Math.round(window.innerWidth * s), Math.round(window.innerHeight * s));
    this.game.scale.setZoom(1 / s);
  }
}
