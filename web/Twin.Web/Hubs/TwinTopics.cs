namespace Twin.Web.Hubs;

/// <summary>
/// The hub's topics (SignalR groups): <c>park</c> (every twin), <c>zone:{zoneId}</c> (the twins of
/// one zone, the zone included) and <c>stats</c> (park and zone figures) and
/// <c>wall:{wallId}</c> (a video wall's state).
/// </summary>
public static class TwinTopics
{
    public const string Park = "park";

    public const string Stats = "stats";

    /// <summary>The message carrying an array of change items.</summary>
    public const string ChangesMessage = "changes";

    /// <summary>The message sent right after a subscription: the topic's current versions.</summary>
    public const string SnapshotMessage = "snapshot";

    /// <summary>The message carrying a wall's whole state, to the topic <c>wall:{wallId}</c>.</summary>
    public const string WallMessage = "wall";

    public const string WallPrefix = "wall:";

    public static string ForZone(string zoneId) => zoneId;

    public static string ForWall(string wallId) => WallPrefix + wallId;

    /// <summary>The zone topic a twin's changes also go to, if any.</summary>
    public static string? ZoneTopicOf(TwinState state) => state switch
    {
        ZoneState zone => zone.Id,
        ParkState => null,
        _ => state.ZoneId,
    };
}
