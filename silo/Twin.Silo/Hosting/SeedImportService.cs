using Microsoft.Extensions.Options;
using Twin.Seed;

namespace Twin.Silo.Hosting;

/// <summary>
/// Imports the seed park once the silo is up, unless this storage already holds it. A seed that
/// fails validation stops the process with every error listed: a twin half-seeded is worse
/// than none.
/// </summary>
public sealed partial class SeedImportService(
    SeedImporter importer,
    IOptions<TwinOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<SeedImportService> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.GetFullPath(options.Value.SeedPath);
        try
        {
            if (!File.Exists(path))
            {
                throw new SeedValidationException([new SeedError("(file)", $"no seed file at {path}")]);
            }

            var seed = await SeedReader.ReadAsync(path, stoppingToken);
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await importer.ImportAsync(seed, stoppingToken))
                    {
                        LogImported(logger, path);
                    }
                    else
                    {
                        LogSkipped(logger);
                    }

                    break;
                }
                catch (Exception e) when (attempt < MaxAttempts && e is TimeoutException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
                {
                    // Storage too slow for a grain call's 30 s or an activation's (a loaded machine,
                    // a big park on Azurite): creating what exists is a no-op, so the import runs again.
                    LogRetrying(logger, attempt, MaxAttempts, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
        }
        catch (SeedValidationException e)
        {
            LogInvalid(logger, path, e.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed park imported from {Path}")]
    private static partial void LogImported(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed import attempt {Attempt} of {Max} timed out or was cancelled ({Error}); importing again (existing twins are kept)")]
    private static partial void LogRetrying(ILogger logger, int attempt, int max, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed park already imported into this storage; nothing imported")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Seed park {Path} cannot be imported: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
