using Twin.Contracts.Model;
using Twin.Contracts.Rules;

namespace Twin.Spatial.Tests.Rules;

public sealed class EnterpriseRulesTests
{
    /// <summary>The lifecycle as DOMAIN.md tells it, written out pair by pair.</summary>
    private static readonly HashSet<(EnterpriseStatus From, EnterpriseStatus To)> Allowed =
    [
        (EnterpriseStatus.Signed, EnterpriseStatus.UnderConstruction),
        (EnterpriseStatus.Signed, EnterpriseStatus.InProduction),
        (EnterpriseStatus.Signed, EnterpriseStatus.Exited),
        (EnterpriseStatus.UnderConstruction, EnterpriseStatus.InProduction),
        (EnterpriseStatus.UnderConstruction, EnterpriseStatus.Suspended),
        (EnterpriseStatus.UnderConstruction, EnterpriseStatus.Exited),
        (EnterpriseStatus.InProduction, EnterpriseStatus.Suspended),
        (EnterpriseStatus.InProduction, EnterpriseStatus.Exited),
        (EnterpriseStatus.Suspended, EnterpriseStatus.UnderConstruction),
        (EnterpriseStatus.Suspended, EnterpriseStatus.InProduction),
        (EnterpriseStatus.Suspended, EnterpriseStatus.Exited),
    ];

    public static TheoryData<EnterpriseStatus, EnterpriseStatus> AllPairs()
    {
        var pairs = new TheoryData<EnterpriseStatus, EnterpriseStatus>();
        foreach (var from in Enum.GetValues<EnterpriseStatus>())
        {
            foreach (var to in Enum.GetValues<EnterpriseStatus>())
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Exactly_the_allowed_transitions_pass_and_every_other_is_a_conflict(EnterpriseStatus from, EnterpriseStatus to)
    {
        var violation = EnterpriseRules.CheckTransition(from, to);

        if (Allowed.Contains((from, to)))
        {
            Assert.Null(violation);
        }
        else
        {
            Assert.NotNull(violation);
            Assert.Equal("status", violation.Field);
            Assert.True(violation.IsConflict, $"{from} → {to}: {violation.Error}");
        }
    }

    [Fact]
    public void Eleven_of_the_25_transitions_are_allowed()
    {
        var passing = AllPairs().Count(row => EnterpriseRules.CheckTransition((EnterpriseStatus)row[0], (EnterpriseStatus)row[1]) is null);

        Assert.Equal(11, passing);
    }

    [Fact]
    public void An_undefined_status_is_refused_and_is_not_a_conflict()
    {
        var violation = EnterpriseRules.CheckTransition(EnterpriseStatus.Signed, (EnterpriseStatus)42);

        Assert.NotNull(violation);
        Assert.False(violation.IsConflict);
    }

    [Theory]
    [InlineData("2026-10", 1, 0.05, 0, null)]
    [InlineData("2026-13", 1, 0.05, 0, "month")]
    [InlineData("2026-1", 1, 0.05, 0, "month")]
    [InlineData("1989-12", 1, 0.05, 0, "month")]
    [InlineData("2026-10", -1, 0, 0, "revenue")]
    [InlineData("2026-10", 1, -0.05, 0, "tax")]
    [InlineData("2026-10", 1, 0.05, -3, "exports")]
    public void Monthly_figures_need_a_YYYY_MM_month_and_no_negative_amounts(string month, double revenue, double tax, double exports, string? field)
    {
        var figures = new MonthlyFigures { Month = month, Revenue = (decimal)revenue, Tax = (decimal)tax, Exports = (decimal)exports };

        Assert.Equal(field, EnterpriseRules.CheckFigures(figures)?.Field);
    }
}
