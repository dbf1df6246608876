using System.Diagnostics;
using System.Text;

namespace Twin.Testing;

/// <summary>
/// The real, built silo (<c>silo/Twin.Silo/bin/{Configuration}/net10.0/Twin.Silo.dll</c>) as its own
/// process on free loopback ports, on the given storage, serving the API, the hub and the map.
/// Ready once <c>/healthz</c> answers 200 (the seed imported and the catalog loaded).
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _process;

    public SiloProcess(string storageConnectionString, string? configuration = null)
    {
        StorageConnectionString = storageConnectionString;
        Configuration = configuration ?? CallerConfiguration();
        BaseAddress = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
    }

    public string StorageConnectionString { get; }

    /// <summary>Debug or Release: the silo built alongside the calling tests.</summary>
    public string Configuration { get; }

    public Uri BaseAddress { get; }

    /// <summary>More settings for the silo, as environment variables (<c>Twin__Demo__Enabled</c>, ...).</summary>
    public Dictionary<string, string> Settings { get; } = [];

    public string Dll => Path.Combine(RepoPaths.Root, "silo", "Twin.Silo", "bin", Configuration, "net10.0", "Twin.Silo.dll");

    /// <summary>What the silo wrote so far, for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (!File.Exists(Dll))
        {
            throw new InvalidOperationException($"The silo is not built at {Dll}: run 'dotnet build Twin.sln -c {Configuration}'.");
        }

        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
        };
        start.ArgumentList.Add(Dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString().TrimEnd('/'));
        start.Environment["Twin__Storage__ConnectionString"] = StorageConnectionString;
        start.Environment["Twin__SeedPath"] = RepoPaths.Seed;
        start.Environment["Twin__Cluster__SiloPort"] = $"{FreePorts.Next()}";
        start.Environment["Twin__Cluster__GatewayPort"] = $"{FreePorts.Next()}";
        start.Environment["Twin__Feed__Enabled"] = "false";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The silo did not become healthy at {BaseAddress}:\n{Log}");
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopGracefullyAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
        _process = null;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            // Keep the tail: enough to explain a failure, bounded for a long run.
            if (_log.Length > 200_000)
            {
                _log.Remove(0, 100_000);
            }

            _log.AppendLine(line);
        }
    }

    /// <summary>The configuration the tests were built in, read from their bin path (bin/Release/...).</summary>
    private static string CallerConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
}
