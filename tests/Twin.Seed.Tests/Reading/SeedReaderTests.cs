using NetTopologySuite.Geometries;
using Twin.Spatial;

namespace Twin.Seed.Tests.Reading;

public sealed class SeedReaderTests
{
    private const string Ring = "[[[115.5, 27.9], [115.51, 27.9], [115.51, 27.91], [115.5, 27.9]]]";

    private const string Zone = """
        {"type": "Feature", "id": "zone:test",
         "geometry": {"type": "Polygon", "coordinates": [[[115.5, 27.9], [115.51, 27.9], [115.51, 27.91], [115.5, 27.9]]]},
         "properties": {"kind": "zone", "name": "测试园区", "subPark": "测试园区", "industry": "Pharma", "phases": [1, 2]}}
        """;

    [Fact]
    public void A_valid_feature_reads_into_its_state_with_its_geometry_in_SRID_4326()
    {
        var document = Seeds.Read(Collection(Zone));

        Assert.Empty(document.Errors);
        var zone = Assert.IsType<ZoneState>(Assert.Single(document.Twins));
        Assert.Equal("zone:test", zone.Id);
        Assert.Equal(ZoneIndustry.Pharma, zone.Industry);
        Assert.Equal([1, 2], zone.Phases);
        var polygon = Assert.IsType<Polygon>(zone.Geometry);
        Assert.Equal(TwinGeometry.Wgs84, polygon.SRID);
        Assert.Equal(new Coordinate(115.51, 27.91), polygon.Coordinates[2]);
    }

    [Fact]
    public void A_file_that_is_a_single_Feature_not_a_FeatureCollection_is_one_error_of_the_file()
    {
        var document = Seeds.Read(Zone);

        var error = Assert.Single(document.Errors);
        Assert.Equal("(file)", error.FeatureId);
        Assert.Contains("FeatureCollection", error.Reason, StringComparison.Ordinal);
        Assert.Empty(document.Twins);
    }

    [Theory]
    [InlineData("""{"type": "Topology", "objects": {}}""")]
    [InlineData("""{"features": []}""")]
    [InlineData("""{"type": 7, "features": []}""")]
    [InlineData("""[{"type": "FeatureCollection", "features": []}]""")]
    [InlineData("\"FeatureCollection\"")]
    [InlineData("null")]
    public void A_JSON_file_that_is_not_a_FeatureCollection_is_one_error_of_the_file(string json)
    {
        var document = Seeds.Read(json);

        var error = Assert.Single(document.Errors);
        Assert.Equal("(file)", error.FeatureId);
        Assert.Empty(document.Twins);
    }

    [Fact]
    public void A_FeatureCollection_without_a_features_array_is_an_error_of_the_file()
    {
        var error = Assert.Single(Seeds.Read("""{"type": "FeatureCollection", "features": {}}""").Errors);

        Assert.Equal("(file)", error.FeatureId);
    }

    [Fact]
    public void A_file_that_is_not_JSON_is_an_error_of_the_file()
    {
        var error = Assert.Single(Seeds.Read("type,id\nFeature,zone:test\n").Errors);

        Assert.Equal("(file)", error.FeatureId);
        Assert.Contains("not JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_feature_whose_kind_does_not_match_its_id_prefix_is_an_error_with_its_id_and_the_others_still_read()
    {
        var mislabelled = Zone.Replace("\"id\": \"zone:test\"", "\"id\": \"building:test-01\"", StringComparison.Ordinal);

        var document = Seeds.Read(Collection(mislabelled, Zone));

        var error = Assert.Single(document.Errors);
        Assert.Equal("building:test-01", error.FeatureId);
        Assert.Contains("kind 'zone' does not match the id's prefix 'building'", error.Reason, StringComparison.Ordinal);
        Assert.Equal("zone:test", Assert.Single(document.Twins).Id);
    }

    [Theory]
    [InlineData("zone:Test")]
    [InlineData("zone:with space")]
    [InlineData("zone:")]
    [InlineData(":test")]
    [InlineData("zone")]
    [InlineData("Zone:test")]
    [InlineData("road:test")]
    public void A_feature_with_a_bad_id_is_an_error_with_that_id(string id)
    {
        var document = Seeds.Read(Collection(Zone.Replace("\"zone:test\"", $"\"{id}\"", StringComparison.Ordinal)));

        var error = Assert.Single(document.Errors);
        Assert.Equal(id, error.FeatureId);
        Assert.Contains("not kind:slug", error.Reason, StringComparison.Ordinal);
        Assert.Empty(document.Twins);
    }

    [Fact]
    public void A_feature_without_an_id_is_named_by_its_place_in_the_file()
    {
        var withoutId = Zone.Replace("\"id\": \"zone:test\",", string.Empty, StringComparison.Ordinal);

        var error = Assert.Single(Seeds.Read(Collection(Zone, withoutId)).Errors);

        Assert.Equal("(feature #1)", error.FeatureId);
    }

    [Fact]
    public void A_feature_whose_properties_do_not_fit_its_kind_is_an_error_with_its_id_and_the_field()
    {
        var badPhases = Zone.Replace("\"phases\": [1, 2]", "\"phases\": \"one and two\"", StringComparison.Ordinal);

        var error = Assert.Single(Seeds.Read(Collection(badPhases)).Errors);

        Assert.Equal("zone:test", error.FeatureId);
        Assert.StartsWith("phases", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"type\": \"Feature\"", "\"type\": 1")]
    [InlineData("\"kind\": \"zone\"", "\"kind\": 3")]
    [InlineData("\"kind\": \"zone\"", "\"kind\": [\"zone\"]")]
    [InlineData("\"industry\": \"Pharma\"", "\"industry\": \"Pharmacy\"")]
    [InlineData("\"type\": \"Polygon\"", "\"type\": \"Polygone\"")]
    [InlineData(Ring, "[[[115.5, 27.9], [115.51, 27.9], [115.51, 27.91], [115.52, 27.92]]]")]
    public void A_malformed_feature_is_an_error_of_the_reader_with_its_id_and_the_next_feature_still_reads(string part, string malformed)
    {
        var broken = Zone.Replace(part, malformed, StringComparison.Ordinal);
        var next = Zone.Replace("zone:test", "zone:next", StringComparison.Ordinal);
        Assert.NotEqual(Zone, broken);

        var document = Seeds.Read(Collection(broken, next));

        Assert.Equal("zone:test", Assert.Single(document.Errors).FeatureId);
        Assert.Equal("zone:next", Assert.Single(document.Twins).Id);
    }

    [Theory]
    [InlineData("\"coordinates\"", "\"coordinatez\"")]
    [InlineData(Ring, "[[[115.5, 27.9], [115.51, 27.9], [115.5, 27.9]]]")]
    [InlineData(Ring, "[[[115.5, 27.9], [115.51, 27.91], [115.51, 27.9], [115.5, 27.91], [115.5, 27.9]]]")]
    public void A_feature_with_a_geometry_the_reader_takes_but_cannot_be_used_is_an_error_of_the_validator_with_its_id(string part, string malformed)
    {
        var broken = Zone.Replace(part, malformed, StringComparison.Ordinal);
        Assert.NotEqual(Zone, broken);

        var document = Seeds.Read(Collection(broken));

        Assert.Empty(document.Errors);
        Assert.Contains(SeedValidator.Validate(document.Twins), e => e.FeatureId == "zone:test" && e.Reason.StartsWith("geometry", StringComparison.Ordinal));
    }

    private static string Collection(params string[] features) =>
        $$"""{"type": "FeatureCollection", "features": [{{string.Join(", ", features)}}]}""";
}
