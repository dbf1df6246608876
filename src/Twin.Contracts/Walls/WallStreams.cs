namespace Twin.Contracts.Walls;

/// <summary>
/// Wall states go out on one stream of the change-stream provider: a grain calling the hub would
/// reach only its own silo's screens, while every silo's <c>WallFanout</c> subscribes here.
/// Walls change at presenter speed, so one stream carries them all.
/// </summary>
public static class WallStreams
{
    public const string Namespace = "walls";

    public static StreamId All { get; } = StreamId.Create(Namespace, "all");
}
