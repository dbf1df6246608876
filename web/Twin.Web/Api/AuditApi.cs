using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Twin.Contracts.Security;
using Twin.Web.Catalog;
using Twin.Web.Security;

namespace Twin.Web.Api;

/// <summary><c>GET /api/twins/{id}/audit</c>: who did what to a twin, oldest first, for people who may read.</summary>
public static class AuditApi
{
    public const int MaxLimit = 1_000;

    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/twins/{id}/audit", async Task<IResult> (string id, IAuditLog audit, TwinCatalog catalog, int? limit) =>
            {
                if (limit is < 1 or > MaxLimit)
                {
                    return Problems.Invalid("limit", $"between 1 and {MaxLimit}");
                }

                if (!TwinIds.TryGetKind(id, out _) || catalog.Find(id) is null)
                {
                    return Problems.NotFound(id);
                }

                var entries = await audit.ReadAsync(id, limit ?? 200);
                return TypedResults.Ok(entries);
            })
            .RequireAuthorization(TwinPolicies.ReadAudit)
            .WithSummary("A twin's audit trail: every command tried on it (accepted or refused), who, when, and its state before and after");
        return api;
    }
}
