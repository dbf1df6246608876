using System.Collections.Concurrent;
using Orleans.Storage;
using Twin.Spatial.Serialization;

namespace Twin.Grains.Tests;

/// <summary>
/// The cluster's <see cref="TwinStorage.Readings"/> store: rows in memory, shared by the test
/// cluster's silos (they run in this process), through the production storage serializer, with
/// every write counted per grain so tests can see when and how often readings reach storage.
/// </summary>
internal sealed class RecordingGrainStorage : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, (BinaryData Data, int Writes)> Rows = new();
    private static readonly TwinStorageSerializer Serializer = new();

    /// <summary>How many times <paramref name="twinId"/>'s row was written, and what it holds now.</summary>
    public static (int Writes, T? State) Row<T>(string twinId)
        where T : TwinState
    {
        var row = Rows.FirstOrDefault(r => r.Key.Key.ToString() == twinId).Value;
        return row.Data is null ? (0, null) : (row.Writes, Serializer.Deserialize<T>(row.Data));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (Rows.TryGetValue(grainId, out var row))
        {
            grainState.State = Serializer.Deserialize<T>(row.Data);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var data = Serializer.Serialize(grainState.State);
        Rows.AddOrUpdate(grainId, _ => (data, 1), (_, row) => (data, row.Writes + 1));
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        Rows.TryRemove(grainId, out _);
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
