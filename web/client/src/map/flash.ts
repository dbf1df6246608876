/**
 * The brief highlight on what changed: feature-state `flash` set to 1 and faded to 0 over
 * `DURATION_MS`, a few times a second, only while something is fading.
 */
import type { Map as MapLibreMap } from "maplibre-gl";

const DURATION_MS = 2400;
const STEP_MS = 80;

export class Flasher {
  private readonly active = new Map<string, { source: string; id: string; start: number }>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly map: MapLibreMap) {}

  flash(source: string, id: string): void {
    this.active.set(`${source}\u0000${id}`, { source, id, start: performance.now() });
    this.map.setFeatureState({ source, id }, { flash: 1 });
    this.timer ??= setTimeout(() => {
      this.tick();
    }, STEP_MS);
  }

  private tick(): void {
    this.timer = null;
    const now = performance.now();
    for (const [key, entry] of this.active) {
      const t = (now - entry.start) / DURATION_MS;
      const value = t >= 1 ? 0 : (1 - t) * (1 - t);
      if (this.map.getSource(entry.source)) {
        this.map.setFeatureState({ source: entry.source, id: entry.id }, { flash: value });
      }
      if (t >= 1) {
        this.active.delete(key);
      }
    }
    if (this.active.size > 0) {
      this.timer = setTimeout(() => {
        this.tick();
      }, STEP_MS);
    }
  }
}
