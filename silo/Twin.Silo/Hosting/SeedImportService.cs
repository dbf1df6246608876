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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.GetFullPath(options.Value.SeedPath);
        try
        {
            if (!File.Exists(path))
            {
                throw new SeedValidationException([new SeedError("(file)", $"no seed file at {path}")]);
            }

            // The import is idempotent (a twin that exists is left as it is), so a storage hiccup or a
            // grain call that timed out on a busy machine is retried rather than ending the silo.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (await importer.ImportAsync(path, stoppingToken))
                    {
                        LogImported(logger, path);
                    }
                    else
                    {
                        LogSkipped(logger);
                    }

                    break;
                }
                catch (Exception e) when (e is TimeoutException or OrleansException or Azure.RequestFailedException or OperationCanceledException && attempt < MaxAttempts && !stoppingToken.IsCancellationRequested)
                {
                    LogRetry(logger, attempt, MaxAttempts, e.Message);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, 2 * attempt)), stoppingToken);
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

    private const int MaxAttempts = 10;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed import attempt {Attempt} of {Max} failed ({Reason}); trying again")]
    private static partial void LogRetry(ILogger logger, int attempt, int max, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed park imported from {Path}")]
    private static partial void LogImported(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed park already imported into this storage; nothing imported")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Seed park {Path} cannot be imported: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
