using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Twin.Spatial.Tests.Serialization;

/// <summary>Orleans' own serializer and copier, in-process, knowing the spatial and contract types.</summary>
internal static class OrleansSerializer
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSerializer(builder => builder
            .AddAssembly(typeof(TwinGeometry).Assembly)
            .AddAssembly(typeof(Twin.Contracts.Model.TwinState).Assembly))
        .BuildServiceProvider();

    public static T RoundTrip<T>(T value)
    {
        var serializer = Services.GetRequiredService<Serializer>();
        return serializer.Deserialize<T>(serializer.SerializeToArray(value))!;
    }

    public static T Copy<T>(T value) => Services.GetRequiredService<DeepCopier>().Copy(value)!;
}
