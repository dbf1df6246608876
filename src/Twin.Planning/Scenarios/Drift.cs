namespace Twin.Planning.Scenarios;

public enum DriftKind
{
    /// <summary>A building vacant in the snapshot has a tenant now.</summary>
    BuildingTaken,

    /// <summary>A building's construction stage is not the snapshot's.</summary>
    StageChanged,

    /// <summary>A building's expected completion moved in the live twin.</summary>
    CompletionChanged,

    /// <summary>A plant's capacity or status changed.</summary>
    PlantChanged,

    /// <summary>A plant's load (latest inflow) changed.</summary>
    PlantLoadChanged,

    /// <summary>A Signed enterprise of the snapshot moved on (status or buildings).</summary>
    EnterpriseChanged,

    /// <summary>A twin of the snapshot is gone.</summary>
    Missing,
}

/// <summary>One way the live park differs from a scenario's snapshot.</summary>
public sealed record DriftItem(string TwinId, DriftKind Kind, string Field, string? Before, string? After);

/// <summary>How far the live park has drifted from a scenario's snapshot.</summary>
public static class Drift
{
    public static IReadOnlyList<DriftItem> Compare(LiveSnapshot snapshot, Func<string, TwinState?> live)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(live);
        var items = new List<DriftItem>();
        foreach (var b in snapshot.VacantBuildings)
        {
            if (live(b.Id) is not BuildingState now)
            {
                items.Add(new(b.Id, DriftKind.Missing, "id", b.Id, null));
                continue;
            }

            if (now.TenantId is { } tenant)
            {
                items.Add(new(b.Id, DriftKind.BuildingTaken, "tenantId", null, tenant));
            }

            if (now.Stage != b.Stage)
            {
                items.Add(new(b.Id, DriftKind.StageChanged, "stage", b.Stage.ToString(), now.Stage.ToString()));
            }

            if (now.ExpectedCompletion != b.ExpectedCompletion && now.Stage != ConstructionStage.Completed)
            {
                items.Add(new(b.Id, DriftKind.CompletionChanged, "expectedCompletion", Date(b.ExpectedCompletion), Date(now.ExpectedCompletion)));
            }
        }

        foreach (var p in snapshot.Plants)
        {
            if (live(p.Id) is not PlantState now)
            {
                items.Add(new(p.Id, DriftKind.Missing, "id", p.Id, null));
                continue;
            }

            if (now.Capacity != p.Capacity)
            {
                items.Add(new(p.Id, DriftKind.PlantChanged, "capacity", Num(p.Capacity), Num(now.Capacity)));
            }

            if (now.Status != p.Status)
            {
                items.Add(new(p.Id, DriftKind.PlantChanged, "status", p.Status.ToString(), now.Status.ToString()));
            }

            var load = now.Latest?.Inflow ?? 0;
            if (load != p.Load)
            {
                items.Add(new(p.Id, DriftKind.PlantLoadChanged, "load", Num(p.Load), Num(load)));
            }
        }

        foreach (var e in snapshot.SignedEnterprises)
        {
            if (live(e.Id) is not EnterpriseState now)
            {
                items.Add(new(e.Id, DriftKind.Missing, "id", e.Id, null));
            }
            else if (now.Status != EnterpriseStatus.Signed)
            {
                items.Add(new(e.Id, DriftKind.EnterpriseChanged, "status", EnterpriseStatus.Signed.ToString(), now.Status.ToString()));
            }
            else if (now.BuildingIds.Count > 0)
            {
                items.Add(new(e.Id, DriftKind.EnterpriseChanged, "buildingIds", null, string.Join(",", now.BuildingIds)));
            }
        }

        return items;
    }

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Num(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
