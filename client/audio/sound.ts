// Sound made on the spot with the Web Audio API: no files to download. Muting is remembered.
import { STORAGE } from "../constants.js";

type Cue = "save" | "bigSave" | "invest" | "guard" | "stepBack" | "error" | "burnout" | "phase" | "collapse";

class Sound {
  private ctx: AudioContext | null = null;
  muted = localStorage.getItem(STORAGE.muted) === "1";

  toggle(): boolean {
    this.muted = !this.muted;
    localStorage.setItem(STORAGE.muted, this.muted ? "1" : "0");
    return this.muted;
  }

  /** Browsers allow audio only after a gesture; call from the first click or key. */
  unlock(): void {
    if (!this.ctx && typeof AudioContext !== "undefined") this.ctx = new AudioContext();
    void this.ctx?.resume();
  }

  play(cue: Cue): void {
    if (this.muted || !this.ctx || this.ctx.state !== "running") return;
    const t = this.ctx.currentTime;
    switch (cue) {
      case "save":
        this.tone(660, t, 0.08, "triangle", 0.18);
        this.tone(990, t + 0.07, 0.14, "triangle", 0.16);
        break;
      case "bigSave":
        [523, 659, 784, 1047].forEach((f, k) => this.tone(f, t + k * 0.07, 0.18, "triangle", 0.18));
        this.noise(t, 0.25, 0.08);
        break;
      case "invest":
        this.tone(220, t, 0.12, "sine", 0.12);
        break;
      case "guard":
        this.tone(330, t, 0.2, "sine", 0.12);
        this.tone(495, t + 0.05, 0.25, "sine", 0.08);
        break;
      case "stepBack":
        this.sweep(300, 120, t, 0.6, 0.1);
        break;
      case "error":
        this.tone(140, t, 0.12, "square", 0.06);
        break;
      case "burnout":
        this.sweep(400, 60, t, 0.9, 0.12);
        break;
      case "phase":
        this.tone(392, t, 0.2, "sine", 0.12);
        this.tone(587, t + 0.18, 0.3, "sine", 0.12);
        break;
      case "collapse":
        this.sweep(200, 40, t, 1.5, 0.2);
        this.noise(t, 1.2, 0.15);
        break;
    }
  }

  private tone(freq: number, at: number, dur: number, type: OscillatorType, gain: number): void {
    const ctx = this.ctx!;
    const osc = ctx.createOscillator();
    const g = ctx.createGain();
    osc.type = type;
    osc.frequency.value = freq;
    g.gain.setValueAtTime(gain, at);
    g.gain.exponentialRampToValueAtTime(0.001, at + dur);
    osc.connect(g).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + dur + 0.02);
  }

  private sweep(from: number, to: number, at: number, dur: number, gain: number): void {
    const ctx = this.ctx!;
    const osc = ctx.createOscillator();
    const g = ctx.createGain();
    osc.frequency.setValueAtTime(from, at);
    osc.frequency.exponentialRampToValueAtTime(to, at + dur);
    g.gain.setValueAtTime(gain, at);
    g.gain.exponentialRampToValueAtTime(0.001, at + dur);
    osc.connect(g).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + dur + 0.02);
  }

  private noise(at: number, dur: number, gain: number): void {
    const ctx = this.ctx!;
    const buffer = ctx.createBuffer(1, Math.floor(ctx.sampleRate * dur), ctx.sampleRate);
    const data = buffer.getChannelData(0);
    for (let i = 0; i < data.length; i++) data[i] = (Math.random() * 2 - 1) * (1 - i / data.length);
    const src = ctx.createBufferSource();
    const g = ctx.createGain();
    src.buffer = buffer;
    g.gain.value = gain;
    src.connect(g).connect(ctx.destination);
    src.start(at);
  }
}

export const sound = new Sound();
