using NetTopologySuite.Geometries;

namespace Twin.Planning.Tests.Support;

/// <summary>Small hand-made problems: square footprints at given metric coordinates, short constructors.</summary>
internal static class Park
{
    public static readonly DateOnly Day = new(2027, 1, 1);
    private static readonly GeometryFactory Factory = new();

    /// <summary>A 20 × 20 m footprint with its lower-left corner at (x, y).</summary>
    public static Polygon Square(double x, double y, double side = 20) => Factory.CreatePolygon([
        new(x, y), new(x + side, y), new(x + side, y + side), new(x, y + side), new(x, y)]);

    public static Site Site(string id, string zone, decimal area, int floors = 1, bool split = false, double x = 0, double y = 0, DateOnly? ready = null, bool unknownReady = false) =>
        new(id, zone, area, floors, split, unknownReady ? null : ready ?? Day.AddDays(-30), Square(x, y));

    public static Candidate Candidate(string id, string industry, decimal min, decimal max, decimal value, int floors = 1, decimal discharge = 0, int hazard = 0, DateOnly? readyBy = null) =>
        new(id, id, industry, min, max, floors, discharge, hazard, readyBy ?? Day, value);

    public static AllocationRules Rules(params (string Zone, string[] Industries)[] zones) =>
        new([.. zones.Select(z => new ZoneRule(z.Zone, z.Industries))], HazardThreshold: 2, SeparationMetres: 0);

    public static AllocationProblem Problem(
        IReadOnlyList<Candidate> candidates,
        IReadOnlyList<Site> sites,
        AllocationRules? rules = null,
        IReadOnlyList<PlantHeadroom>? plants = null,
        IReadOnlyList<HazardSite>? hazards = null) =>
        new(candidates, sites, plants ?? [], hazards ?? [], rules ?? Rules(("Z1", ["pharma", "food"]), ("Z2", ["pharma", "food"])));

    public static SolveOptions Options(int seconds = 30, int seed = 1, int workers = 2) => new(TimeSpan.FromSeconds(seconds), seed, 0, workers);

    public static AllocationResult Solve(AllocationProblem problem, SolveOptions? options = null) =>
        new CpSatAllocationSolver().SolveAsync(problem, options ?? Options()).GetAwaiter().GetResult();

    public static string? BuildingOf(AllocationResult result, string candidate) =>
        result.Assignments.SingleOrDefault(a => a.CandidateId == candidate)?.BuildingId;
}
