namespace Twin.Grains.Tests.Planning;

/// <summary>
/// Fault injection for the commit tests: a call to <c>MoveIn</c> on an enterprise whose id starts
/// with <see cref="Prefix"/> throws, as a storage failure midway through a commit would.
/// </summary>
public sealed class FailingCalls : IIncomingGrainCallFilter
{
    public const string Prefix = "enterprise:tfail-";

    public Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod.Name == nameof(IEnterpriseGrain.MoveIn)
            && context.TargetId.Key.ToString()!.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("injected failure: storage unavailable");
        }

        return context.Invoke();
    }
}
