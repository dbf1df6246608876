using System.Diagnostics;

namespace Twin.Testing;

/// <summary>How the tests stop a process they started: as an operator would, then hard if it lingers.</summary>
public static class ProcessStopping
{
    /// <summary>SIGTERM (so it can save and leave cleanly), then kill the process tree after <paramref name="grace"/>.</summary>
    public static async Task StopGracefullyAsync(this Process process, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (process.HasExited)
        {
            return;
        }

        Process.Start("kill", ["-TERM", $"{process.Id}"])?.WaitForExit();
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
