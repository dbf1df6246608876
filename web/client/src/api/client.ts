/** The REST API, read-only: every request goes to the page's own origin. */
import type { ParkFigures, Related, TwinFeature, TwinFeatureCollection, ZoneFigures } from "./types";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly url: string,
  ) {
    super(`${url} answered ${status}`);
    this.name = "ApiError";
  }
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, signal: signal ?? null });
  if (!response.ok) {
    throw new ApiError(response.status, url);
  }
  return (await response.json()) as T;
}

export const api = {
  features: (signal?: AbortSignal) => getJson<TwinFeatureCollection>("/api/features", signal),
  twin: (id: string, signal?: AbortSignal) => getJson<TwinFeature>(`/api/twins/${encodeURIComponent(id)}`, signal),
  related: (id: string, signal?: AbortSignal) => getJson<Related>(`/api/twins/${encodeURIComponent(id)}/related`, signal),
  parkStats: (signal?: AbortSignal) => getJson<ParkFigures>("/api/stats", signal),
  zoneStats: (zoneId: string, signal?: AbortSignal) => getJson<ZoneFigures>(`/api/stats/${encodeURIComponent(zoneId)}`, signal),
};

/** Retries `load` with a growing pause while the silo is still starting (503) or unreachable. */
export async function withRetry<T>(load: () => Promise<T>, attempts = 8, firstDelayMs = 500): Promise<T> {
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error: unknown) {
      const retriable = !(error instanceof ApiError) || error.status === 503 || error.status >= 500;
      if (!retriable || attempt >= attempts) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5000);
    }
  }
}
