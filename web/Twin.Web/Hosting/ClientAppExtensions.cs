using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Twin.Web.Hosting;

/// <summary>
/// Serves the built map client (web/client, Vite): <c>index.html</c> at <c>/</c>, each other page of
/// the client at its name (<c>/wall</c> → <c>wall.html</c>, <c>/present</c> → <c>present.html</c>, …),
/// <c>index.html</c> for every other page path (the app keeps its state in the hash), hashed assets
/// with a year-long cache, pages never cached. Paths of the API, the hub, health and OpenAPI are never answered
/// with the page.
/// </summary>
public static partial class ClientAppExtensions
{
    /// <summary>Configuration key of the folder holding the built client (with index.html).</summary>
    public const string ClientPathKey = "Twin:ClientPath";

    private static readonly string[] ServerPrefixes = ["/api", "/hubs", "/healthz", "/openapi"];

    public static WebApplication MapTwinClient(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClientAppExtensions).FullName!);
        var root = FindClientRoot(app.Configuration, app.Environment);
        if (root is null)
        {
            LogNotBuilt(logger, ClientPathKey);
            app.MapGet("/", () => TypedResults.Problem(
                    title: "Map not built",
                    detail: "The map client has not been built: run `npm ci && npm run build:client` at the repository root.",
                    statusCode: StatusCodes.Status503ServiceUnavailable))
                .AllowAnonymous()
                .ExcludeFromDescription();
            return app;
        }

        LogServing(logger, root);
        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".map"] = "application/json";
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = context => SetCacheHeaders(context.Context.Response, context.File.Name, context.Context.Request.Path),
        });

        var index = files.GetFileInfo("index.html");
        app.MapFallback("{*path:nonfile}", async context =>
            {
                if (IsServerPath(context.Request.Path) || !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers.CacheControl = "no-cache";
                await context.Response.SendFileAsync(PageFor(files, context.Request.Path) ?? index, context.RequestAborted);
            })
            .AllowAnonymous() // the pages hold no data: they ask the API, which checks who is asking
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The page named by a one-segment path (<c>/wall</c> → <c>wall.html</c>), if the client has it.</summary>
    internal static IFileInfo? PageFor(IFileProvider files, PathString path)
    {
        var name = path.Value?.Trim('/');
        if (string.IsNullOrEmpty(name) || name.Contains('/', StringComparison.Ordinal) || !name.All(c => char.IsAsciiLetterLower(c) || c == '-'))
        {
            return null;
        }

        var page = files.GetFileInfo(name + ".html");
        return page.Exists ? page : null;
    }

    internal static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    /// <summary>Hashed files under /assets never change; anything else (index.html) is revalidated.</summary>
    private static void SetCacheHeaders(HttpResponse response, string fileName, PathString path)
    {
        var immutable = path.StartsWithSegments("/assets", StringComparison.Ordinal) && !fileName.Equals("index.html", StringComparison.OrdinalIgnoreCase);
        response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
    }

    /// <summary>
    /// The folder with the built client: <c>Twin:ClientPath</c> if set, else <c>wwwroot</c> beside the
    /// binaries (copied there by Twin.Web.csproj), else <c>web/client/dist</c> found by walking up
    /// from the binaries or the content root (a developer's build tree).
    /// </summary>
    internal static string? FindClientRoot(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (configuration[ClientPathKey] is { Length: > 0 } configured)
        {
            var path = Path.GetFullPath(configured, environment.ContentRootPath);
            return HasIndex(path) ? path : null;
        }

        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (HasIndex(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, environment.ContentRootPath })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var dist = Path.Combine(dir.FullName, "web", "client", "dist");
                if (HasIndex(dist))
                {
                    return dist;
                }
            }
        }

        return null;
    }

    private static bool HasIndex(string folder) => File.Exists(Path.Combine(folder, "index.html"));

    [LoggerMessage(Level = LogLevel.Warning, Message = "The map client is not built: no index.html in {Key}, bin/wwwroot or web/client/dist. Run `npm ci && npm run build:client` at the repo root.")]
    private static partial void LogNotBuilt(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the map client from {Root}")]
    private static partial void LogServing(ILogger logger, string root);
}
