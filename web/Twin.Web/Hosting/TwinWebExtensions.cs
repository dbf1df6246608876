using MessagePack.Resolvers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Twin.Spatial.Serialization;
using Twin.Web.Api;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Twin.Web.Catalog;
using Twin.Web.Feed;
using Twin.Web.Hubs;
using Twin.Web.Walls;
using Twin.Web.Security;

namespace Twin.Web.Hosting;

/// <summary>Composes the web front: services in <see cref="AddTwinWeb"/>, endpoints in <see cref="MapTwinWeb"/>.</summary>
public static class TwinWebExtensions
{
    public static IServiceCollection AddTwinWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTwinSecurity(configuration);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // The framework's own 400s (a body that is not JSON at all) name the body as the field at fault.
            if (context.ProblemDetails.Status == StatusCodes.Status400BadRequest
                && context.ProblemDetails is not HttpValidationProblemDetails
                && !context.ProblemDetails.Extensions.ContainsKey("field"))
            {
                context.ProblemDetails.Extensions["field"] = "body";
                context.ProblemDetails.Detail ??= "the request body is not valid JSON";
            }
        });
        // A body that cannot be read is a 400 in every environment (Development would throw a 500).
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOpenApi();
        services.Configure<JsonOptions>(o => TwinJson.Configure(o.SerializerOptions));
        services.AddSingleton<TwinCatalog>();
        services.AddSingleton<CatalogFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogFeed>());
        services.AddSignalR()
            .AddJsonProtocol(o => TwinJson.Configure(o.PayloadSerializerOptions))
            .AddMessagePackProtocol(o => o.SerializerOptions = o.SerializerOptions.WithResolver(
                CompositeResolver.Create([HubJson.Formatter.Instance], [o.SerializerOptions.Resolver])));
        services.AddSingleton<ChangeFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<ChangeFanout>());
        services.AddSingleton<StatsFanout>();
        services.AddHostedService(sp => sp.GetRequiredService<StatsFanout>());
        services.AddHostedService<WallFanout>();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.Section);
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section);
        services.AddOptions<WriteBehindOptions>().BindConfiguration(WriteBehindOptions.Section);
        services.AddSingleton<IngestGate>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<FeedSimulator>();
        return services;
    }

    public static WebApplication MapTwinWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseTwinSecurity();
        app.MapOpenApi().RequireAuthorization(TwinPolicies.Read);
        app.MapGet("/healthz", (TwinCatalog catalog) => catalog.IsReady
                ? Results.Ok(new { status = "ready", twins = catalog.Count })
                : Problems.Unavailable("the seed is being imported or the catalog is loading"))
            .AllowAnonymous()
            .WithSummary("200 once the silo is up, the seed imported and the catalog loaded");
        var api = app.MapGroup("/api");
        var read = api.MapGroup(string.Empty).RequireAuthorization(TwinPolicies.Read);
        read.MapTwinApi();
        read.MapSpatialApi();
        read.MapStatsApi();
        api.MapAuditApi();
        api.MapCommandApi();
        api.MapIngestApi();
        api.MapScenarioApi();
        api.MapWallApi();
        api.MapAuthApi();
        api.MapAdminApi();
        app.MapHub<TwinHub>("/hubs/twin").RequireAuthorization(TwinPolicies.Read);
        app.MapTwinClient();
        return app;
    }
}
