using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;
using Twin.Web.Catalog;
using Twin.Web.Security;

namespace Twin.Web.Api;

/// <summary>
/// <c>POST /api/ingest</c>: a batch of sensor readings, <c>{"readings": [{"twinId", "at", "values": {...}}]}</c>.
/// Each item is validated and applied on its own: a bad item is reported by index with its field
/// and reason, and the good ones are kept. One twin's items are applied in the order sent.
/// Device keys only; an item for a twin the key is not bound to is refused as <c>forbidden</c>,
/// the same answer whether that twin exists or not.
/// Readings are write-behind: the answer says <c>durable: false</c> and <c>flushWithinMs</c>, the
/// time within which accepted readings reach storage; <c>?durable=true</c> waits for the write.
/// When more readings are in flight than <see cref="IngestOptions.MaxReadingsInFlight"/> the
/// batch is refused whole with 503 and <c>Retry-After</c>, and nothing of it is applied.
/// </summary>
public static class IngestApi
{
    public const int MaxItems = 5_000;

    private const string Accepted = "accepted";

    private static readonly string[] PlantValues = ["inflow", "cod", "ammonia", "totalPhosphorus", "ph"];

    public static RouteGroupBuilder MapIngestApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/ingest", Ingest)
            .RequireAuthorization(TwinPolicies.Ingest)
            .RequireRateLimiting(SecurityServiceExtensions.IngestLimit)
            .WithMetadata(new LargeBodyMetadata())
            .Accepts<IngestRequest>("application/json")
            .Produces<IngestAnswer>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Take a batch of readings from sensors (plants: inflow, cod, ammonia, totalPhosphorus, ph; stations: any named values)");
        return api;
    }

    private static async Task<IResult> Ingest(JsonElement body, bool? durable, IGrainFactory grains, IngestGate gate, IOptions<WriteBehindOptions> writeBehind, HttpContext context, TwinCatalog catalog)
    {
        var key = context.Items[ApiKeyAuthenticationHandler.RecordItem] as ApiKeyRecord;
        if (!RequestBody.TryBind<IngestRequest>(body, out var request, out var problem))
        {
            return problem;
        }

        if (request.Readings.Count > MaxItems)
        {
            return Problems.Invalid("readings", $"at most {MaxItems:N0} readings a batch");
        }

        if (!gate.TryEnter(request.Readings.Count))
        {
            context.Response.Headers.RetryAfter = "1";
            return Problems.Busy($"more than {gate.Limit:N0} readings are being applied; nothing of this batch was applied, send it again after the Retry-After seconds");
        }

        var durably = durable == true;
        var results = new IngestItemResult[request.Readings.Count];
        try
        {
            var byTwin = request.Readings.Select((r, i) => (Reading: r, Index: i)).GroupBy(x => x.Reading.TwinId ?? string.Empty);
            await Task.WhenAll(byTwin.Select(async group =>
            {
                foreach (var (reading, index) in group)
                {
                    results[index] = key is not null && !ApiKeyService.Covers(key.Bindings, reading.TwinId ?? string.Empty, catalog.Find(reading.TwinId ?? string.Empty)?.ZoneId)
                        ? new IngestItemResult(index, reading.TwinId, "forbidden", "twinId", "this key is not bound to that twin")
                        : await Apply(grains, reading, index, durably);
                }
            }));
        }
        finally
        {
            gate.Exit(request.Readings.Count);
        }

        var accepted = results.Count(r => r.Status == Accepted);
        // Accepted readings are applied and published; in storage now only when asked for.
        return TypedResults.Json(new IngestAnswer(
            accepted,
            results.Length - accepted,
            durably,
            durably ? 0 : (long)writeBehind.Value.FlushDeadline.TotalMilliseconds,
            results));
    }

    private static async Task<IngestItemResult> Apply(IGrainFactory grains, IngestReading reading, int index, bool durable)
    {
        if (reading.At is not { } at)
        {
            return new IngestItemResult(index, reading.TwinId, "invalid", "at", "the reading's time is missing");
        }

        if (reading.Values is not { Count: > 0 } values)
        {
            return new IngestItemResult(index, reading.TwinId, "invalid", "values", "a reading has at least one value");
        }

        CommandResult result;
        if (TwinIds.IsKind(reading.TwinId, TwinKind.Plant))
        {
            if (PlantValues.FirstOrDefault(v => !values.ContainsKey(v)) is { } missing)
            {
                return new IngestItemResult(index, reading.TwinId, "invalid", $"values.{missing}", $"a plant reading needs {string.Join(", ", PlantValues)}");
            }

            result = await grains.Get<IPlantGrain>(reading.TwinId).RecordReading(new PlantReading(new EffluentReading
            {
                At = at,
                Inflow = double.IsFinite(values["inflow"]) ? (decimal)values["inflow"] : -1,
                Cod = values["cod"],
                Ammonia = values["ammonia"],
                TotalPhosphorus = values["totalPhosphorus"],
                Ph = values["ph"],
            }, Durable: durable));
        }
        else if (TwinIds.IsKind(reading.TwinId, TwinKind.Station))
        {
            result = await grains.Get<IStationGrain>(reading.TwinId).RecordReading(new StationReadingReport(new StationReading { At = at, Values = values }, Durable: durable));
        }
        else
        {
            return new IngestItemResult(index, reading.TwinId, "notFound", "twinId", $"'{reading.TwinId}' is not a plant or station that takes readings");
        }

        var status = result.Outcome switch
        {
            CommandOutcome.Accepted => Accepted,
            CommandOutcome.Invalid => "invalid",
            CommandOutcome.Conflict => "conflict",
            _ => "notFound",
        };
        var field = result.Field is { } f && result.Outcome != CommandOutcome.NotFound && f != "at" ? $"values.{f}" : result.Field;
        return new IngestItemResult(index, reading.TwinId, status, result.IsAccepted ? null : field, result.Error, result.State?.Version);
    }
}

/// <summary>The answer of <c>POST /api/ingest</c>: counts, whether the accepted readings are in storage yet, and one result a reading.</summary>
public sealed record IngestAnswer(int Accepted, int Rejected, bool Durable, long FlushWithinMs, IReadOnlyList<IngestItemResult> Results);

/// <summary>
/// What became of one reading of a batch, by its index: <c>accepted</c>, <c>invalid</c>, <c>conflict</c>,
/// <c>notFound</c> or <c>forbidden</c>, the field at fault and why, and the twin's version after it when known.
/// </summary>
public sealed record IngestItemResult(int Index, string? TwinId, string Status, string? Field, string? Error, long? Version = null);

/// <summary>Body of <c>POST /api/ingest</c>.</summary>
public sealed record IngestRequest
{
    public required IReadOnlyList<IngestReading> Readings { get; init; }
}

/// <summary>One reading: which twin, when, and its named values.</summary>
public sealed record IngestReading
{
    public string? TwinId { get; init; }

    public DateTimeOffset? At { get; init; }

    public Dictionary<string, double>? Values { get; init; }
}
