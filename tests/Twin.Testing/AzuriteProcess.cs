using System.Net;
using System.Diagnostics;
using System.Net.Sockets;

namespace Twin.Testing;

/// <summary>
/// A real Azurite (the Azure Storage emulator, from the repository's node_modules) on free
/// loopback ports with its own data folder; it can be stopped and started again on the same
/// ports and data, as a storage outage would.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    private const string WellKnownKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly int _blob = FreePorts.Next();
    private readonly int _queue = FreePorts.Next();
    private readonly int _table = FreePorts.Next();
    private Process? _process;

    public string Location { get; } = Directory.CreateTempSubdirectory("twin-azurite-").FullName;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={WellKnownKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queue}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_table}/devstoreaccount1;";

    public async Task StartAsync()
    {
        if (!File.Exists(RepoPaths.Azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed at {RepoPaths.Azurite}: run './twin test' (it runs 'npm ci').");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            RepoPaths.Azurite, "--location", Location, "--silent", "--skipApiVersionCheck", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", $"{_blob}", "--queueHost", "127.0.0.1", "--queuePort", $"{_queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{_table}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        // Ready in 1–3 s on a quiet machine; 16 s was seen on a loaded one.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!(await Accepts(_blob) && await Accepts(_queue) && await Accepts(_table)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not start (exit code {(_process.HasExited ? _process.ExitCode : -1)})");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops Azurite as an operator would (SIGTERM, so it saves its data), then hard if it lingers.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await _process.StopGracefullyAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(Location, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private static async Task<bool> Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
