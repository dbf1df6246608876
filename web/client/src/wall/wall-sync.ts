/**
 * Keeps a page on one wall's state: reads `/api/walls/{id}`, subscribes to the hub's
 * `wall:{id}` topic (the hub wrapper subscribes again after every reconnect, and the server then
 * sends the current state), and emits each state newer than the one held.
 */
import { withRetry } from "../api/client";
import { writeHeaders } from "../auth/session";
import type { TwinHub } from "../live/twin-hub";
import { Emitter } from "../ui/emitter";
import { isNewer, parseWallState, type WallState } from "./wall-state";

interface Events {
  state: WallState;
}

export class WallSync extends Emitter<Events> {
  private held: WallState | null = null;

  constructor(
    private readonly hub: TwinHub,
    readonly wallId: string,
  ) {
    super();
    hub.on("wall", (raw) => {
      this.accept(raw);
    });
  }

  get state(): WallState | null {
    return this.held;
  }

  /** Loads the current state and asks the hub for the wall's changes (the hub connects later). */
  async start(): Promise<void> {
    await this.hub.subscribe(`wall:${this.wallId}`);
    const raw = await withRetry(async () => {
      const response = await fetch(`/api/walls/${encodeURIComponent(this.wallId)}`, { headers: { Accept: "application/json" } });
      if (!response.ok) {
        throw new Error(`/api/walls/${this.wallId} answered ${response.status}`);
      }
      return (await response.json()) as unknown;
    });
    this.accept(raw);
  }

  /** Takes a state from the hub or from a command's answer; returns whether it was newer. */
  accept(raw: unknown): boolean {
    const next = parseWallState(raw);
    if (next?.wallId !== this.wallId || !isNewer(this.held, next)) {
      return false;
    }
    this.held = next;
    this.emit("state", next);
    return true;
  }

  /** Sends a presenter command; the answer (the new state) is taken at once. */
  async command(name: string, body: unknown): Promise<void> {
    const response = await fetch(`/api/walls/${encodeURIComponent(this.wallId)}/${name}`, {
      method: "POST",
      headers: writeHeaders(),
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${name} answered ${response.status}: ${await response.text()}`);
    }
    this.accept(await response.json());
  }
}
