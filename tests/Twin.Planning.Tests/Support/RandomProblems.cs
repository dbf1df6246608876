namespace Twin.Planning.Tests.Support;

/// <summary>Random tiny problems where every rule bites: two zones, three industries, splits, a tight plant, hazards close together.</summary>
internal static class RandomProblems
{
    public static AllocationProblem Create(int seed, int candidates = 8, int sites = 8)
    {
        var random = new Random(seed);
        var industries = new[] { "pharma", "food", "textiles" };
        var siteList = Enumerable.Range(0, sites).Select(i =>
        {
            var split = random.NextDouble() < 0.4;
            return new Site(
                $"B{i}",
                i % 3 == 2 ? "Z2" : "Z1",
                random.Next(4, 21) * 500m,
                split ? random.Next(2, 5) : random.Next(1, 3),
                split,
                random.NextDouble() < 0.1 ? null : Park.Day.AddDays(random.Next(-60, 60)),
                Park.Square(i % 4 * 120, i / 4 * 120));
        }).ToList();
        var candidateList = Enumerable.Range(0, candidates).Select(i =>
        {
            var min = random.Next(2, 12) * 500m;
            return new Candidate(
                $"E{i}",
                $"E{i}",
                industries[random.Next(industries.Length)],
                min,
                min + (random.Next(0, 12) * 500m),
                random.Next(1, 3),
                random.Next(0, 8) * 1.25m,
                random.NextDouble() < 0.35 ? 2 : random.Next(0, 2),
                Park.Day.AddDays(random.Next(-30, 60)),
                random.Next(1, 200) + (random.Next(0, 4) * 0.25m));
        }).ToList();
        var rules = new AllocationRules(
            [new ZoneRule("Z1", ["pharma", "food"]), new ZoneRule("Z2", ["food", "textiles"])],
            HazardThreshold: 2,
            SeparationMetres: 150,
            ClusterWeight: random.NextDouble() < 0.5 ? 0.01 : 5,
            WasteWeight: random.NextDouble() < 0.5 ? 0.001 : 1);
        var plants = new[] { new PlantHeadroom("P1", ["Z1"], random.Next(2, 12) * 1.5m), new PlantHeadroom("P2", ["Z1", "Z2"], random.Next(4, 20) * 1.5m) };
        var hazards = random.NextDouble() < 0.5 ? new[] { new HazardSite("H1", Park.Square(random.Next(0, 400), random.Next(-200, 0))) } : [];
        return new AllocationProblem(candidateList, siteList, plants, hazards, rules);
    }
}
