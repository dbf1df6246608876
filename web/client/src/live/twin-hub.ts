/**
 * The one place that talks to the SignalR hub `/hubs/twin`. It connects (retrying until the
 * silo answers), subscribes to topics, re-subscribes after an automatic reconnect, and hands the
 * hub's `snapshot` and `changes` messages on. Everything else in the page sees only this class.
 */
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import type { ChangeItem, Snapshot } from "../api/types";
import { Emitter } from "../ui/emitter";

export type HubStatus = "connecting" | "connected" | "reconnecting" | "offline";

interface Events {
  status: HubStatus;
  snapshot: Snapshot;
  changes: ChangeItem[];
  /** A video wall's whole state (topic `wall:{wallId}`). */
  wall: unknown;
}

const RETRY_DELAYS_MS = [0, 1000, 2000, 5000, 10000];

export class TwinHub extends Emitter<Events> {
  private readonly connection: HubConnection;
  private readonly topics = new Set<string>();
  private stopped = false;
  private status: HubStatus = "offline";

  constructor(url = "/hubs/twin") {
    super();
    this.connection = new HubConnectionBuilder()
      .withUrl(url)
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => RETRY_DELAYS_MS[Math.min(context.previousRetryCount, RETRY_DELAYS_MS.length - 1)] ?? 10000 })
      .configureLogging(LogLevel.Warning)
      .build();
    this.connection.on("snapshot", (snapshot: Snapshot) => {
      this.emit("snapshot", snapshot);
    });
    // A second argument, `sentAt` (server ms when the batch was sent), is for load measurements.
    this.connection.on("changes", (items: ChangeItem[]) => {
      this.emit("changes", items);
    });
    this.connection.on("wall", (state: unknown) => {
      this.emit("wall", state);
    });
    this.connection.onreconnecting(() => {
      this.setStatus("reconnecting");
    });
    this.connection.onreconnected(() => {
      this.setStatus("connected");
      // A new connection id: the server forgot our groups. Subscribing again sends fresh
      // snapshots, from which the page catches up without reloading.
      void this.subscribeAll();
    });
    this.connection.onclose(() => {
      this.setStatus("offline");
      if (!this.stopped) {
        void this.start();
      }
    });
  }

  get state(): HubStatus {
    return this.status;
  }

  /** Connects, retrying with a growing pause until it succeeds or `stop` is called. */
  async start(): Promise<void> {
    let attempt = 0;
    while (!this.stopped && this.connection.state === HubConnectionState.Disconnected) {
      this.setStatus("connecting");
      try {
        await this.connection.start();
        this.setStatus("connected");
        await this.subscribeAll();
        return;
      } catch {
        this.setStatus("offline");
        await delay(RETRY_DELAYS_MS[Math.min(++attempt, RETRY_DELAYS_MS.length - 1)] ?? 10000);
      }
    }
  }

  async subscribe(topic: string): Promise<void> {
    this.topics.add(topic);
    if (this.connection.state === HubConnectionState.Connected) {
      await this.invokeSubscribe(topic);
    }
  }

  async unsubscribe(topic: string): Promise<void> {
    this.topics.delete(topic);
    if (this.connection.state === HubConnectionState.Connected) {
      await this.connection.invoke("Unsubscribe", topic);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.connection.stop();
  }

  private async subscribeAll(): Promise<void> {
    await Promise.all([...this.topics].map((topic) => this.invokeSubscribe(topic)));
  }

  /** Subscribes; the hub refuses while the twin is still loading, so that is retried. */
  private async invokeSubscribe(topic: string): Promise<void> {
    for (let attempt = 0; attempt < 30 && this.topics.has(topic); attempt++) {
      try {
        await this.connection.invoke("Subscribe", topic);
        return;
      } catch (error: unknown) {
        if (this.connection.state !== HubConnectionState.Connected) {
          return; // the reconnect handler subscribes again
        }
        console.warn(`Subscribe(${topic}) failed, retrying`, error);
        await delay(1000);
      }
    }
  }

  private setStatus(status: HubStatus): void {
    if (status !== this.status) {
      this.status = status;
      this.emit("status", status);
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
