using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Twin.Contracts.Security;
using Twin.Web.Security;

namespace Twin.Web.Api;

/// <summary>
/// The data-entry commands. Each checks the id's kind and the body's shape here, then the grain
/// checks the expected version and the rules, writes, records the audit entry under the caller's
/// name, and answers; every error changes nothing. Operators only.
/// </summary>
public static class CommandApi
{
    public static RouteGroupBuilder MapCommandApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        Map<ProgressRequest>(api, "/buildings/{id}/progress", "building.progress", TwinKind.Building, (grains, id, r) =>
            grains.GetGrain<IBuildingGrain>(id).ReportProgress(new BuildingProgress(r.FloorsBuilt, r.Stage, r.ExpectedVersion)))
            .WithSummary("Report a building's construction progress (floors built and stage)");

        Map<EnterpriseStatusRequest>(api, "/enterprises/{id}/status", "enterprise.status", TwinKind.Enterprise, (grains, id, r) =>
            grains.GetGrain<IEnterpriseGrain>(id).ChangeStatus(new EnterpriseStatusChange(r.Status, r.ExpectedVersion)))
            .WithSummary("Move an enterprise through its lifecycle");

        Map<FiguresRequest>(api, "/enterprises/{id}/figures", "enterprise.figures", TwinKind.Enterprise, (grains, id, r) =>
            grains.GetGrain<IEnterpriseGrain>(id).ReportFigures(new EnterpriseFiguresReport(
                new MonthlyFigures { Month = r.Month, Revenue = r.Revenue, Tax = r.Tax, Exports = r.Exports }, r.ExpectedVersion)))
            .WithSummary("Report an enterprise's figures for a month (万元)");

        Map<PlantReadingRequest>(api, "/plants/{id}/readings", "plant.reading", TwinKind.Plant, (grains, id, r) =>
            grains.GetGrain<IPlantGrain>(id).RecordReading(new PlantReading(
                new EffluentReading { At = r.At, Inflow = r.Inflow, Cod = r.Cod, Ammonia = r.Ammonia, TotalPhosphorus = r.TotalPhosphorus, Ph = r.Ph },
                r.ExpectedVersion,
                Durable: true)))
            .WithSummary("Record a plant's inflow and effluent reading (written before it is answered; devices use /api/ingest)");

        Map<PlantStatusRequest>(api, "/plants/{id}/status", "plant.status", TwinKind.Plant, (grains, id, r) =>
            grains.GetGrain<IPlantGrain>(id).ChangeStatus(new PlantStatusChange(r.Status, r.Accepted, r.ExpectedVersion)))
            .WithSummary("Change a plant's status");

        Map<NetworkStatusRequest>(api, "/network/{id}/status", "network.status", TwinKind.Network, (grains, id, r) =>
            grains.GetGrain<INetworkSegmentGrain>(id).ChangeStatus(new NetworkStatusChange(r.Status, r.ExpectedVersion)))
            .WithSummary("Move a road or pipe segment to its next status");

        Map<StationReadingRequest>(api, "/stations/{id}/readings", "station.reading", TwinKind.Station, (grains, id, r) =>
            grains.GetGrain<IStationGrain>(id).RecordReading(new StationReadingReport(
                new StationReading { At = r.At, Values = r.Values }, r.ExpectedVersion, Durable: true)))
            .WithSummary("Record a monitoring station's reading (written before it is answered; devices use /api/ingest)");
        return api;
    }

    private static RouteHandlerBuilder Map<TRequest>(
        RouteGroupBuilder api,
        string pattern,
        string command,
        TwinKind kind,
        Func<IGrainFactory, string, TRequest, Task<CommandResult>> send)
        where TRequest : class
    {
        return api.MapPost(pattern, async (string id, JsonElement body, IGrainFactory grains, HttpContext context) =>
            {
                if (!TwinIds.IsKind(id, kind))
                {
                    return Problems.NotFound(id);
                }

                if (!RequestBody.TryBind<TRequest>(body, out var request, out var problem))
                {
                    return problem;
                }

                AuditContext.Set(context.User.ActorId(), command);
                return Problems.From(await send(grains, id, request), id);
            })
            .RequireAuthorization(TwinPolicies.Operate)
            .Accepts<TRequest>("application/json")
            .Produces(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }
}
