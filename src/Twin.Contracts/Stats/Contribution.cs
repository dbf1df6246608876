namespace Twin.Contracts.Stats;

/// <summary>What one twin adds to its zone's figures: the single definition every rollup uses.</summary>
public static class Contribution
{
    public static TwinStats Of(TwinState state) => state switch
    {
        EnterpriseState e => OfEnterprise(e),
        BuildingState b => OfBuilding(b),
        PlantState p => OfPlant(p),
        NetworkSegmentState n => new TwinStats { NetworkByStatus = { [n.Status] = 1 } },
        StationState s => new TwinStats { StationsByType = { [s.Station] = 1 } },
        FacilityState => new TwinStats { Facilities = 1 },
        _ => new TwinStats(),
    };

    private static TwinStats OfEnterprise(EnterpriseState e)
    {
        var stats = new TwinStats { EnterprisesByStatus = { [e.Status] = 1 } };
        if (e.AboveDesignatedSize && e.Status != EnterpriseStatus.Exited)
        {
            stats.AboveDesignatedSize = 1;
        }

        foreach (var f in e.Figures)
        {
            var totals = new MonthTotals(f.Revenue, f.Tax, f.Exports);
            if (!totals.IsZero)
            {
                stats.Monthly[f.Month] = stats.Monthly.GetValueOrDefault(f.Month) + totals;
            }
        }

        return stats;
    }

    private static TwinStats OfBuilding(BuildingState b)
    {
        var stats = new TwinStats { BuildingsByStage = { [b.Stage] = 1 } };
        if (b.FloorArea != 0)
        {
            stats.PlannedFloorArea[b.Use] = b.FloorArea;
        }

        if (b.Stage == ConstructionStage.Completed)
        {
            if (b.FloorArea != 0)
            {
                stats.CompletedFloorArea[b.Use] = b.FloorArea;
            }

            stats.VacantCompletedBuildings = b.TenantId is null ? 1 : 0;
        }

        return stats;
    }

    private static TwinStats OfPlant(PlantState p)
    {
        var stats = new TwinStats { PlantsByStatus = { [p.Status] = 1 } };
        if (p.Status == PlantStatus.Operating || p.Status == PlantStatus.Upgrading || p.Status == PlantStatus.ExpansionApproved)
        {
            // A plant being upgraded or awaiting expansion still treats effluent.
            stats.PlantCapacity = p.Capacity;
            stats.PlantInflow = p.Latest?.Inflow ?? 0;
            stats.PlantsCompliant = p.Compliant ? 1 : 0;
        }

        return stats;
    }
}
