namespace Twin.Seed;

/// <summary>A seed that cannot be applied, with every reason.</summary>
public sealed class SeedValidationException : Exception
{
    public SeedValidationException()
        : this([])
    {
    }

    public SeedValidationException(string message)
        : base(message) => Errors = [];

    public SeedValidationException(string message, Exception inner)
        : base(message, inner) => Errors = [];

    public SeedValidationException(IReadOnlyList<SeedError> errors)
        : base($"the seed has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(e => "  " + e))}")
        => Errors = errors;

    public IReadOnlyList<SeedError> Errors { get; }
}
