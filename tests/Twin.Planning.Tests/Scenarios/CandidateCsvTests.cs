using Twin.Planning.Scenarios;

namespace Twin.Planning.Tests.Scenarios;

public sealed class CandidateCsvTests
{
    private const string Header = "id,name,industry,minArea,maxArea,floors,discharge,hazardClass,readyBy,value";

    [Fact]
    public void TheTemplateParsesWithoutErrors()
    {
        var (candidates, errors) = CandidateCsv.Parse(CandidateCsv.Template);

        Assert.Empty(errors);
        Assert.Equal(2, candidates.Count);
        Assert.Equal("锦美家具制造有限公司, 二期", candidates[1].Candidate.Name);
    }

    [Fact]
    public void BadRowsAreReportedByLineAndFieldAndGoodRowsKept()
    {
        var csv = string.Join("\r\n",
            Header,
            "a,甲,pharma,1000,2000,1,0,0,2027-01-01,10",
            "b,乙,pharma,x,2000,1,0,0,2027-01-01,10",
            "\"c\",\"丙\n第二行\",pharma,1000,2000,1,0,0,2027-01-01,10",
            "d,丁,pharma,1000,2000,1,0,9,2027-01-01,10",
            "a,重复,pharma,1000,2000,1,0,0,2027-01-01,10",
            "",
            "e,戊,pharma,1000,2000,1,0,0,01/02/2027,10");

        var (candidates, errors) = CandidateCsv.Parse(csv);

        Assert.Equal(["a", "c"], candidates.Select(c => c.Candidate.Id));
        Assert.Equal([2, 4], candidates.Select(c => c.Line));
        Assert.Equal([(3, "minArea"), (6, "hazardClass"), (7, "id"), (9, "readyBy")], errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void AMissingColumnIsNamedOnTheHeaderLine()
    {
        var (candidates, errors) = CandidateCsv.Parse("id,name,industry\na,甲,pharma\n");

        Assert.Empty(candidates);
        Assert.Contains(errors, e => e is { Line: 1, Field: "minArea" });
        Assert.Contains(errors, e => e is { Line: 1, Field: "value" });
    }
}
