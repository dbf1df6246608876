namespace Twin.Contracts.Rules;

/// <summary>
/// Who may occupy a standard building: a vacant building is let to one enterprise, or floor by
/// floor to several when it allows a split; an enterprise that has exited moves in nowhere.
/// </summary>
public static class TenancyRules
{
    public static RuleViolation? CheckLetting(BuildingState current, IReadOnlyList<string> tenantIds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tenantIds);
        if (tenantIds.Count == 0)
        {
            return new("tenantIds", "name at least one tenant");
        }

        if (tenantIds.FirstOrDefault(id => !TwinIds.IsKind(id, TwinKind.Enterprise)) is { } bad)
        {
            return new("tenantIds", $"'{bad}' is not an enterprise id");
        }

        if (tenantIds.Distinct(StringComparer.Ordinal).Count() != tenantIds.Count)
        {
            return new("tenantIds", "a tenant is named twice");
        }

        if (tenantIds.Count > 1 && !current.AllowsSplit)
        {
            return new("tenantIds", $"building '{current.Id}' is let whole, to one tenant");
        }

        return current.TenantId is { } tenant
            ? new("tenantId", $"building '{current.Id}' is already let to '{tenant}'", IsConflict: true)
            : null;
    }

    public static RuleViolation? CheckVacating(BuildingState current, IReadOnlyList<string> tenantIds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(tenantIds);
        if (tenantIds.Count == 0)
        {
            return new("tenantIds", "name at least one tenant");
        }

        var held = current.Tenants.ToHashSet(StringComparer.Ordinal);
        return tenantIds.FirstOrDefault(id => !held.Contains(id)) is { } stranger
            ? new("tenantIds", $"'{stranger}' is not a tenant of building '{current.Id}'", IsConflict: true)
            : null;
    }

    public static RuleViolation? CheckMoveIn(EnterpriseState current, IReadOnlyList<string> buildingIds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(buildingIds);
        if (buildingIds.Count == 0)
        {
            return new("buildingIds", "name at least one building");
        }

        if (buildingIds.FirstOrDefault(id => !TwinIds.IsKind(id, TwinKind.Building)) is { } bad)
        {
            return new("buildingIds", $"'{bad}' is not a building id");
        }

        if (current.Status == EnterpriseStatus.Exited)
        {
            return new("status", "an enterprise that has exited moves in nowhere", IsConflict: true);
        }

        return buildingIds.FirstOrDefault(current.BuildingIds.Contains) is { } already
            ? new("buildingIds", $"the enterprise already occupies '{already}'", IsConflict: true)
            : null;
    }

    public static RuleViolation? CheckMoveOut(EnterpriseState current, IReadOnlyList<string> buildingIds)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(buildingIds);
        return buildingIds.FirstOrDefault(id => !current.BuildingIds.Contains(id)) is { } stranger
            ? new("buildingIds", $"the enterprise does not occupy '{stranger}'", IsConflict: true)
            : null;
    }
}
