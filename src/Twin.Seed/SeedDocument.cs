namespace Twin.Seed;

/// <summary>A parsed seed file: its twins, the errors found reading it, and its content digest.</summary>
public sealed record SeedDocument(IReadOnlyList<TwinState> Twins, IReadOnlyList<SeedError> Errors, string Digest);
