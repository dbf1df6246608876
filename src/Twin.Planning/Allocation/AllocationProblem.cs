using NetTopologySuite.Geometries;

namespace Twin.Planning.Allocation;

/// <summary>An incoming enterprise looking for a standard factory building.</summary>
/// <param name="Id">Unique within a scenario (an enterprise twin id for Signed enterprises, or a planner's own id).</param>
/// <param name="Industry">Industry key, matched against the zone rules (e.g. "pharma", "metal-furniture").</param>
/// <param name="MinArea">Smallest acceptable floor area, m².</param>
/// <param name="MaxArea">Largest useful floor area, m².</param>
/// <param name="Floors">Floors needed when taking part of a building that may be split floor by floor.</param>
/// <param name="Discharge">Wastewater discharge, t/day.</param>
/// <param name="HazardClass">0 = none; classes at or above <see cref="AllocationRules.HazardThreshold"/> must keep the safety distance.</param>
/// <param name="ReadyBy">The date the enterprise wants to move in.</param>
/// <param name="Value">Value to the park (expected annual tax in 万元, or a priority); the objective maximises its sum.</param>
[GenerateSerializer, Immutable]
[Alias("planning.candidate")]
public sealed record Candidate(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Industry,
    [property: Id(3)] decimal MinArea,
    [property: Id(4)] decimal MaxArea,
    [property: Id(5)] int Floors,
    [property: Id(6)] decimal Discharge,
    [property: Id(7)] int HazardClass,
    [property: Id(8)] DateOnly ReadyBy,
    [property: Id(9)] decimal Value);

/// <summary>A vacant building that may receive candidates.</summary>
/// <param name="ReadyOn">The day it is (or is expected to be) usable: completion, or topping out; null if unknown (never fits).</param>
/// <param name="FootprintMetric">Footprint in the park's metric projection (metres), for the safety distance.</param>
[GenerateSerializer, Immutable]
[Alias("planning.site")]
public sealed record Site(
    [property: Id(0)] string BuildingId,
    [property: Id(1)] string ZoneId,
    [property: Id(2)] decimal FloorArea,
    [property: Id(3)] int Floors,
    [property: Id(4)] bool AllowsSplit,
    [property: Id(5)] DateOnly? ReadyOn,
    [property: Id(6)] Geometry FootprintMetric);

/// <summary>A treatment plant's spare capacity for the zones it serves, t/day (capacity minus current load).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.plant-headroom")]
public sealed record PlantHeadroom(
    [property: Id(0)] string PlantId,
    [property: Id(1)] IReadOnlyList<string> ZoneIds,
    [property: Id(2)] decimal Headroom);

/// <summary>A building already occupied by a hazardous enterprise: new hazardous candidates keep their distance from it too.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.hazard-site")]
public sealed record HazardSite(
    [property: Id(0)] string BuildingId,
    [property: Id(1)] Geometry FootprintMetric);

/// <summary>Which industries a zone accepts; a zone without a rule accepts none.</summary>
[GenerateSerializer, Immutable]
[Alias("planning.zone-rule")]
public sealed record ZoneRule(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] IReadOnlyList<string> Industries);

/// <summary>The rules of a scenario; data, editable per scenario.</summary>
/// <param name="HazardThreshold">Candidates with HazardClass at or above this keep <paramref name="SeparationMetres"/> from each other and from <see cref="HazardSite"/>s.</param>
/// <param name="ClusterWeight">Weight of the secondary aim: candidates of one industry together in one zone.</param>
/// <param name="WasteWeight">Weight of the secondary aim: little floor area wasted (building area above the candidate's max).</param>
[GenerateSerializer, Immutable]
[Alias("planning.rules")]
public sealed record AllocationRules(
    [property: Id(0)] IReadOnlyList<ZoneRule> ZoneIndustries,
    [property: Id(1)] int HazardThreshold,
    [property: Id(2)] double SeparationMetres,
    [property: Id(3)] double ClusterWeight = 0.01,
    [property: Id(4)] double WasteWeight = 0.001);

/// <summary>Everything the optimiser needs, already taken from the scenario (never from the live twin directly).</summary>
[GenerateSerializer, Immutable]
[Alias("planning.problem")]
public sealed record AllocationProblem(
    [property: Id(0)] IReadOnlyList<Candidate> Candidates,
    [property: Id(1)] IReadOnlyList<Site> Sites,
    [property: Id(2)] IReadOnlyList<PlantHeadroom> Plants,
    [property: Id(3)] IReadOnlyList<HazardSite> ExistingHazards,
    [property: Id(4)] AllocationRules Rules);

/// <param name="TimeLimit">Wall-clock limit of the search.</param>
/// <param name="Seed">Random seed; the same problem, seed and worker count give the same plan.</param>
/// <param name="RelativeGap">Stop as soon as (bound - objective) / bound is at or below this.</param>
/// <param name="Workers">Search workers (CP-SAT num_workers).</param>
[GenerateSerializer, Immutable]
[Alias("planning.solve-options")]
public sealed record SolveOptions(
    [property: Id(0)] TimeSpan TimeLimit,
    [property: Id(1)] int Seed = 1,
    [property: Id(2)] double RelativeGap = 0.0,
    [property: Id(3)] int Workers = 2);
