using Twin.Contracts.Model;
using Twin.Contracts.Rules;

namespace Twin.Spatial.Tests.Rules;

public sealed class NetworkRulesTests
{
    public static TheoryData<NetworkStatus, NetworkStatus> AllPairs()
    {
        var pairs = new TheoryData<NetworkStatus, NetworkStatus>();
        foreach (var from in Enum.GetValues<NetworkStatus>())
        {
            foreach (var to in Enum.GetValues<NetworkStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void A_segment_only_moves_forward_and_staying_or_going_back_is_a_conflict(NetworkStatus from, NetworkStatus to)
    {
        var order = new[] { NetworkStatus.Planned, NetworkStatus.Designed, NetworkStatus.UnderConstruction, NetworkStatus.Completed, NetworkStatus.Accepted };
        var violation = NetworkRules.CheckTransition(from, to);

        if (Array.IndexOf(order, to) > Array.IndexOf(order, from))
        {
            Assert.Null(violation);
        }
        else
        {
            Assert.NotNull(violation);
            Assert.True(violation.IsConflict, $"{from} → {to}: {violation.Error}");
        }
    }

    [Fact]
    public void An_undefined_status_is_refused_and_is_not_a_conflict()
    {
        var violation = NetworkRules.CheckTransition(NetworkStatus.Planned, (NetworkStatus)9);

        Assert.NotNull(violation);
        Assert.False(violation.IsConflict);
    }
}
