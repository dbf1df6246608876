/**
 * A change in plain Chinese for the ticker: "药都科技产业园医药区 3号厂房 封顶". Only news a
 * room cares about: construction stages, enterprises moving on, monthly figures, plant status and
 * effluent over a limit, roads and pipes; routine readings say nothing.
 */
import type { TwinFeature } from "../api/types";
import { exceededLimits, type EffluentLimits, type EffluentReading } from "../map/classify";
import { describeExceedance } from "./alarms";
import type { Tone } from "./ticker";

export interface ChangeText {
  /** What the text is about, for the ticker to keep one entry per fact. */
  key: string;
  text: string;
  tone: Tone;
}

const STAGE: Record<string, string> = {
  Planned: "列入规划",
  Piling: "开始打桩",
  Foundation: "完成基础",
  ToppedOut: "封顶",
  Completed: "竣工验收",
};

const ENTERPRISE: Record<string, [string, Tone]> = {
  Signed: ["签约", "good"],
  UnderConstruction: ["落户开工建设", "good"],
  InProduction: ["竣工投产", "good"],
  Suspended: ["停产", "warn"],
  Exited: ["退出园区", "warn"],
};

const PLANT: Record<string, string> = {
  Operating: "投入运行",
  Upgrading: "开始提标改造",
  ExpansionApproved: "扩容获批",
  UnderConstruction: "开工建设",
  Planned: "列入规划",
};

const NETWORK: Record<string, string> = {
  Planned: "列入规划",
  Designed: "完成设计",
  UnderConstruction: "开工建设",
  Completed: "完工",
  Accepted: "通过验收",
};

/** Chinese numerals are not needed: "完成3层" reads as the report writes it. */
function stageText(stage: string, floorsBuilt: unknown): string | null {
  if (stage === "Structure") {
    return typeof floorsBuilt === "number" && floorsBuilt > 0 ? `完成${floorsBuilt}层` : null;
  }
  return STAGE[stage] ?? null;
}

function where(zoneName: string | null, name: string): string {
  return zoneName ? `${zoneName} ${name}` : name;
}

/**
 * The ticker text of one change: `changed` names what changed, `feature` is the twin's state
 * after it, `zoneName` finds a zone's Chinese name. `null` when the change is not news.
 */
export function describeChange(changed: readonly string[], feature: TwinFeature, zoneName: (zoneId: string) => string | null): ChangeText | null {
  const p = feature.properties;
  const name = p.name ?? feature.id;
  const zone = typeof p.zoneId === "string" ? zoneName(p.zoneId) : null;
  const has = (key: string) => changed.includes(key);
  switch (p.kind) {
    case "building": {
      if (!has("stage") && !has("floorsBuilt")) {
        return null;
      }
      const text = stageText(typeof p["stage"] === "string" ? p["stage"] : "", p["floorsBuilt"]);
      return text ? { key: `${feature.id}#stage`, text: `${where(zone, name)} ${text}`, tone: p["stage"] === "Completed" || p["stage"] === "ToppedOut" ? "good" : "info" } : null;
    }
    case "enterprise": {
      if (has("status")) {
        const [verb, tone] = ENTERPRISE[String(p["status"])] ?? [null, "info"];
        return verb ? { key: `${feature.id}#status`, text: `${where(zone, name)} ${verb}`, tone } : null;
      }
      if (has("figures") && Array.isArray(p["figures"]) && p["figures"].length > 0) {
        const latest = [...(p["figures"] as { month?: string; revenue?: number }[])].sort((a, b) => String(b.month).localeCompare(String(a.month)))[0];
        if (latest?.month && typeof latest.revenue === "number") {
          const [year, month] = latest.month.split("-");
          return { key: `${feature.id}#figures`, text: `${name} 报送${year}年${Number(month)}月经营数据：主营业务收入 ${latest.revenue.toLocaleString("zh-CN")} 万元`, tone: "info" };
        }
      }
      return null;
    }
    case "plant": {
      if (has("status")) {
        const verb = PLANT[String(p["status"])];
        if (verb) {
          return { key: `${feature.id}#status`, text: `${name} ${verb}`, tone: "info" };
        }
      }
      if (has("latest")) {
        const reading = p["latest"] as EffluentReading | null;
        const limits = p["limits"] as EffluentLimits | null;
        const exceeded = exceededLimits(limits, reading);
        if (reading && exceeded.length > 0) {
          return { key: `${feature.id}#effluent`, text: `${name} 出水超标：${describeExceedance({ exceeded, reading, limits: limits ?? {} })}`, tone: "warn" };
        }
      }
      return null;
    }
    case "network": {
      const verb = has("status") ? NETWORK[String(p["status"])] : undefined;
      return verb ? { key: `${feature.id}#status`, text: `${where(zone, name)} ${verb}`, tone: p["status"] === "Accepted" || p["status"] === "Completed" ? "good" : "info" } : null;
    }
    default:
      return null;
  }
}
