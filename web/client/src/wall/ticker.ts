/**
 * The ticker's window: the latest changes, newest first, never more than its capacity, one
 * entry per key (a building rising twice shows once, with its newest news).
 */

export type Tone = "info" | "good" | "warn";

export interface TickerEntry {
  /** What the entry is about (a twin id and the fact): a newer entry with the same key replaces it. */
  key: string;
  /** Server time of the change, ms. */
  at: number;
  text: string;
  tone: Tone;
}

export class TickerWindow {
  private items: TickerEntry[] = [];

  constructor(readonly capacity = 30) {}

  /** Adds an entry in time order; returns whether the window changed. */
  push(entry: TickerEntry): boolean {
    const held = this.items.find((e) => e.key === entry.key);
    if (held && held.at >= entry.at) {
      return false;
    }
    const rest = this.items.filter((e) => e.key !== entry.key);
    let index = rest.findIndex((e) => e.at <= entry.at);
    if (index < 0) {
      index = rest.length;
    }
    if (index >= this.capacity) {
      return false;
    }
    rest.splice(index, 0, entry);
    this.items = rest.slice(0, this.capacity);
    return true;
  }

  entries(): readonly TickerEntry[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }
}
