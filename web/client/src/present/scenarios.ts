/**
 * The planner's scenarios the remote can put on the wall, from `GET /api/scenarios` when the
 * twin has it: an array (or `{scenarios: [...]}`) of `{id, name?}`. Without the endpoint (404),
 * or with nothing in it, the list is empty and the control says none is available.
 */
export interface ScenarioOption {
  id: string;
  name: string;
}

export function readScenarios(body: unknown): ScenarioOption[] {
  const list = Array.isArray(body) ? body : body !== null && typeof body === "object" && Array.isArray((body as { scenarios?: unknown }).scenarios) ? (body as { scenarios: unknown[] }).scenarios : [];
  return list.flatMap((item) => {
    if (item === null || typeof item !== "object") {
      return [];
    }
    const s = item as Record<string, unknown>;
    const id = typeof s["id"] === "string" ? s["id"] : null;
    if (!id) {
      return [];
    }
    return [{ id, name: typeof s["name"] === "string" && s["name"] !== "" ? s["name"] : id }];
  });
}

export async function scenarioOptions(): Promise<ScenarioOption[]> {
  try {
    const response = await fetch("/api/scenarios", { headers: { Accept: "application/json" } });
    return response.ok ? readScenarios(await response.json()) : [];
  } catch {
    return [];
  }
}
