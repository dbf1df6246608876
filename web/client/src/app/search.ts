/**
 * Finding twins by Chinese or English name or by id: case-insensitive substring matches, the
 * best first (exact, then prefix, then anywhere; shorter names before longer).
 */
export interface Searchable {
  id: string;
  kind: string;
  name: string;
  nameEn: string;
}

const KIND_ORDER: Record<string, number> = { zone: 0, plant: 1, building: 2, enterprise: 3, facility: 4, station: 5, network: 6, park: 7 };

function score(query: string, item: Searchable): number | null {
  let best: number | null = null;
  for (const field of [item.name, item.nameEn, item.id]) {
    const text = field.toLowerCase();
    const at = text.indexOf(query);
    if (at < 0) {
      continue;
    }
    const rank = text === query ? 0 : at === 0 ? 1 : 2;
    best = best === null ? rank : Math.min(best, rank);
  }
  return best;
}

export function search(items: Iterable<Searchable>, query: string, limit = 12): Searchable[] {
  const q = query.trim().toLowerCase();
  if (q === "") {
    return [];
  }
  const hits: { item: Searchable; rank: number }[] = [];
  for (const item of items) {
    const rank = score(q, item);
    if (rank !== null) {
      hits.push({ item, rank });
    }
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (KIND_ORDER[a.item.kind] ?? 9) - (KIND_ORDER[b.item.kind] ?? 9) ||
      a.item.name.length - b.item.name.length ||
      a.item.id.localeCompare(b.item.id),
  );
  return hits.slice(0, limit).map((h) => h.item);
}
