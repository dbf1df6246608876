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

            var seed = await SeedReader.ReadAsync(path, stoppingToken);
            if (await importer.ImportAsync(seed, stoppingToken))
            {
                LogImported(logger, path);
            }
            else
            {
                LogSkipped(logger);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Seed park already imported into this storage; nothing imported")]
    private static partial void LogSkipped(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Seed park {Path} cannot be imported: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string path, string errors);
}
