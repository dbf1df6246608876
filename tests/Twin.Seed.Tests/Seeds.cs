using System.Text;

namespace Twin.Seed.Tests;

/// <summary>Seed files as bytes, the way the importer sees them.</summary>
internal static class Seeds
{
    public static async Task<byte[]> WriteAsync(IEnumerable<TwinState> twins)
    {
        using var stream = new MemoryStream();
        await SeedWriter.WriteAsync(stream, twins);
        return stream.ToArray();
    }

    public static SeedDocument Read(string json) => SeedReader.Read(Encoding.UTF8.GetBytes(json));

    /// <summary>Every error, one a line, for assertion messages.</summary>
    public static string List(IEnumerable<SeedError> errors) => string.Join(Environment.NewLine, errors);
}
