using System.Collections.Immutable;
using Microsoft.Extensions.Options;


namespace Twin.Grains.Twins;

/// <summary>
/// A wastewater treatment plant: effluent readings against its permit, and its status (污水处理厂).
/// Readings are write-behind (see <see cref="WriteBehindOptions"/>); status changes are written
/// before they are acknowledged.
/// </summary>
public sealed class PlantGrain(
    [PersistentState("twin", TwinStorage.Twins)] IPersistentState<PlantState> state,
    [PersistentState("latest", TwinStorage.Readings)] IPersistentState<PlantState> written,
    IOptions<WriteBehindOptions> options)
    : TwinGrain<PlantState>(state, written, options.Value), IPlantGrain
{
    // `recent` changes too, but is not named: change items would carry all 48 readings with every
    // reading. Clients append each `latest` to the `recent` they read (a version gap makes them read
    // the twin again); the state, its storage row and the catalog keep `recent` as it is.
    private static readonly ImmutableArray<string> ReadingChanges = ["latest", "compliant"];

    public Task<CommandResult> RecordReading(PlantReading command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // A reading moves the zone's inflow and compliance figures: the zone hears of each.
        return CommitReading(command.ExpectedVersion, command.Durable, contributionChanges: true, current =>
        {
            if (PlantRules.CheckReading(command.Reading, current.Latest) is { } violation)
            {
                return Refuse(violation);
            }

            var recent = current.Recent.Append(command.Reading).TakeLast(PlantState.RecentReadings).ToList();
            return Accept(current with { Latest = command.Reading, Recent = recent }, ReadingChanges);
        });
    }

    public Task<CommandResult> ChangeStatus(PlantStatusChange command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commit(command.ExpectedVersion, current =>
        {
            if (!Enum.IsDefined(command.Status))
            {
                return ValueTask.FromResult(Refuse("status", $"unknown status {command.Status}"));
            }

            var accepted = command.Accepted ?? current.Accepted;
            return ValueTask.FromResult(command.Status == current.Status && accepted == current.Accepted
                ? Refuse("status", $"the plant is already {command.Status}", conflict: true)
                : Accept(current with { Status = command.Status, Accepted = accepted }));
        });
    }
}
