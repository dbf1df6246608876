using NetTopologySuite.Geometries;

namespace Twin.Planning.Allocation;

/// <summary>
/// A made-up park to measure and test the optimiser on, the same for the same arguments: 20 zones (a 5 × 4 grid of
/// 800 × 600 m blocks) each accepting 2–4 of 10 industries; 5 treatment plants, each serving 4 zones with headroom
/// for about 60% of what the candidates wanting those zones would discharge; buildings of 2,000–20,000 m² on
/// 1–6 floors, 30% of them splittable floor by floor, ~5% with no known ready date; ~10% of candidates hazardous;
/// 5 existing hazardous buildings; a separation of 300–500 m.
/// </summary>
public static class SyntheticAllocationProblem
{
    public static readonly IReadOnlyList<string> Industries =
        ["pharma", "electronics", "metal-furniture", "textiles", "food", "logistics", "new-materials", "auto-parts", "chemicals", "machinery"];

    private const int ZoneColumns = 5;
    private const int ZoneRows = 4;
    private const double ZoneWidth = 800;
    private const double ZoneHeight = 600;
    private static readonly DateOnly Start = new(2026, 1, 1);

    public static AllocationProblem Create(int candidates, int sites, int seed, int hazardThreshold = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        var random = new Random(seed);
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        var zoneCount = ZoneColumns * ZoneRows;
        var zones = Enumerable.Range(0, zoneCount).Select(z => $"Z{z + 1:00}").ToArray();
        var rules = zones.Select(z => new ZoneRule(z, [.. Industries.OrderBy(_ => random.Next()).Take(random.Next(2, 5))])).ToArray();

        var perZone = (sites + zoneCount - 1) / Math.Max(1, zoneCount);
        var columns = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(perZone * ZoneWidth / ZoneHeight)));
        var rows = Math.Max(1, (perZone + columns - 1) / columns);
        var cellWidth = ZoneWidth / columns;
        var cellHeight = ZoneHeight / rows;
        var siteList = new List<Site>(sites);
        for (var i = 0; i < sites; i++)
        {
            var zone = i % zoneCount;
            var slot = i / zoneCount;
            var x0 = (zone % ZoneColumns * ZoneWidth) + (slot % columns * cellWidth);
            var y0 = (zone / ZoneColumns * ZoneHeight) + (slot / columns % rows * cellHeight);
            var split = random.NextDouble() < 0.3;
            var floors = split ? random.Next(3, 7) : random.Next(1, 4);
            var area = Math.Round((decimal)(2_000 + (random.NextDouble() * 18_000)) / 10) * 10;
            var side = Math.Sqrt((double)area / floors);
            var w = Math.Min(side, cellWidth * 0.8);
            var h = Math.Min(side, cellHeight * 0.8);
            var footprint = factory.CreatePolygon([
                new(x0 + 5, y0 + 5), new(x0 + 5 + w, y0 + 5), new(x0 + 5 + w, y0 + 5 + h), new(x0 + 5, y0 + 5 + h), new(x0 + 5, y0 + 5)]);
            DateOnly? ready = random.NextDouble() < 0.05 ? null : Start.AddDays(random.Next(-180, 720));
            siteList.Add(new Site($"B{i + 1:0000}", rules[zone].ZoneId, area, floors, split, ready, footprint));
        }

        var candidateList = new List<Candidate>(candidates);
        for (var i = 0; i < candidates; i++)
        {
            var industry = Industries[random.Next(Industries.Count)];
            var min = Math.Round((decimal)(1_500 + (random.NextDouble() * 13_500)) / 10) * 10;
            var max = Math.Round(min * (decimal)(1.3 + (random.NextDouble() * 0.7)) / 10) * 10;
            var hazardous = random.NextDouble() < 0.1;
            var discharge = Math.Round((decimal)(random.NextDouble() * random.NextDouble() * 60), 1);
            var value = Math.Round((decimal)((double)min / 100 * (0.5 + random.NextDouble())), 2);
            candidateList.Add(new Candidate(
                $"E{i + 1:0000}",
                $"Enterprise {i + 1}",
                industry,
                min,
                max,
                random.Next(1, 3),
                discharge,
                hazardous ? random.Next(hazardThreshold, hazardThreshold + 2) : random.Next(0, hazardThreshold),
                Start.AddDays(random.Next(0, 900)),
                value));
        }

        var plants = new List<PlantHeadroom>();
        for (var p = 0; p < 5; p++)
        {
            var served = zones.Skip(p * 4).Take(4).ToArray();
            var accepted = rules.Where(r => served.Contains(r.ZoneId)).SelectMany(r => r.Industries).ToHashSet();
            var demand = candidateList.Where(c => accepted.Contains(c.Industry)).Sum(c => c.Discharge) / 2;
            plants.Add(new PlantHeadroom($"P{p + 1}", served, Math.Round(demand * 0.6m, 1)));
        }

        var hazards = Enumerable.Range(0, 5).Select(k =>
        {
            var x = random.NextDouble() * ZoneColumns * ZoneWidth;
            var y = random.NextDouble() * ZoneRows * ZoneHeight;
            return new HazardSite($"H{k + 1:00}", factory.CreatePolygon([new(x, y), new(x + 40, y), new(x + 40, y + 30), new(x, y + 30), new(x, y)]));
        }).ToArray();

        var separation = 300 + (random.Next(0, 5) * 50);
        return new AllocationProblem(candidateList, siteList, plants, hazards, new AllocationRules(rules, hazardThreshold, separation));
    }
}
