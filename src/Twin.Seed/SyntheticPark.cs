using NetTopologySuite.Geometries;
using Twin.Spatial;

namespace Twin.Seed;

/// <summary>
/// Makes an invented park of any size with the seed park's shapes and distributions: square
/// zones on a grid, standard buildings on a street grid inside each zone, enterprises in the
/// completed buildings or on their own sites, plants, roads and sensors. For scale tests only.
/// </summary>
public static class SyntheticPark
{
    private const double CentreLon = 115.52;
    private const double CentreLat = 27.91;
    private const double MetresPerDegreeLat = 111_320;
    private static readonly double MetresPerDegreeLon = MetresPerDegreeLat * Math.Cos(CentreLat * Math.PI / 180);
    private static readonly ConstructionStage[] Stages = Enum.GetValues<ConstructionStage>();

    public static IReadOnlyList<TwinState> Generate(SyntheticParkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var perZone = (int)Math.Ceiling(options.Buildings / (double)options.Zones);
        var cols = (int)Math.Ceiling(Math.Sqrt(perZone * 2.0));
        var zoneSide = ((cols + 1) * 90.0) + 200; // metres: 90 m a building cell, plus the plant and road margin
        var zoneGrid = (int)Math.Ceiling(Math.Sqrt(options.Zones));
        var parkSide = (zoneGrid * (zoneSide + 100)) + 100;
        var originX = -parkSide / 2;
        var originY = -parkSide / 2;

        var twins = new List<TwinState>();
        var zones = new List<ZoneState>();
        var industries = new[] { ZoneIndustry.Pharma, ZoneIndustry.MetalFurniture, ZoneIndustry.SaltChemical, ZoneIndustry.Recycling, ZoneIndustry.Mixed };
        for (var z = 0; z < options.Zones; z++)
        {
            var x0 = originX + 100 + ((z % zoneGrid) * (zoneSide + 100));
            var y0 = originY + 100 + ((z / zoneGrid) * (zoneSide + 100));
            zones.Add(new ZoneState
            {
                Id = $"zone:synthetic-{z:D3}",
                Name = $"合成园区{z + 1}",
                NameEn = $"Synthetic zone {z + 1}",
                SubPark = $"合成园区{z + 1}",
                Industry = industries[z % industries.Length],
                NewThreeParks = z % 3 == 0,
                Phases = [1, 2, 3],
                Geometry = Rect(x0, y0, zoneSide, zoneSide),
            });
        }

        var buildings = new List<BuildingState>();
        for (var b = 0; b < options.Buildings; b++)
        {
            var zone = zones[b % options.Zones];
            var slot = b / options.Zones;
            var (x0, y0) = Corner(zone.Geometry!);
            var stage = random.NextDouble() < 0.6 ? ConstructionStage.Completed : Stages[random.Next(Stages.Length)];
            var floors = random.Next(3, 7);
            buildings.Add(new BuildingState
            {
                Id = $"building:synthetic-{b:D6}",
                Name = $"{slot + 1}号厂房",
                ZoneId = zone.Id,
                Phase = 1 + (slot % 3),
                Use = random.NextDouble() < 0.85 ? BuildingUse.Industrial : BuildingUse.Service,
                FloorsPlanned = floors,
                FloorsBuilt = FloorsFor(stage, floors, random),
                Stage = stage,
                FloorArea = floors * 1_800m,
                Geometry = Rect(x0 + 100 + ((slot % cols) * 90.0), y0 + 200 + ((slot / cols) * 50.0), 60, 30),
            });
        }

        var enterprises = new List<EnterpriseState>();
        var vacant = new Queue<int>(Enumerable.Range(0, buildings.Count).Where(i => buildings[i].Stage == ConstructionStage.Completed));
        for (var e = 0; e < options.Enterprises; e++)
        {
            var zone = zones[e % options.Zones];
            var id = $"enterprise:synthetic-{e:D6}";
            var tenantOf = e % 3 != 2 && vacant.Count > 0 ? vacant.Dequeue() : -1;
            var status = tenantOf >= 0 ? EnterpriseStatus.InProduction : (random.NextDouble() < 0.5 ? EnterpriseStatus.Signed : EnterpriseStatus.UnderConstruction);
            Geometry geometry;
            if (tenantOf >= 0)
            {
                buildings[tenantOf] = buildings[tenantOf] with { TenantId = id };
                zone = zones.First(z => z.Id == buildings[tenantOf].ZoneId);
                geometry = buildings[tenantOf].Geometry!.Centroid;
            }
            else
            {
                var (x0, y0) = Corner(zone.Geometry!);
                geometry = Point(x0 + 20 + (random.NextDouble() * 60), y0 + 20 + (random.NextDouble() * (zoneSide - 40)));
            }

            enterprises.Add(new EnterpriseState
            {
                Id = id,
                Name = $"合成企业{e + 1}有限公司",
                ZoneId = zone.Id,
                Industry = IndustryFor(zone.Industry, random),
                Status = status,
                AboveDesignatedSize = random.NextDouble() < 0.3,
                BuildingIds = tenantOf >= 0 ? [buildings[tenantOf].Id] : [],
                Discharge = random.Next(5, 200),
                HazardClass = random.Next(0, 4),
                Figures = status == EnterpriseStatus.InProduction
                    ? [.. Enumerable.Range(1, 10).Select(m => Figures(m, random))]
                    : [],
                Geometry = geometry,
            });
        }

        var plants = new List<PlantState>();
        for (var p = 0; p < options.Plants; p++)
        {
            var zone = zones[p % options.Zones];
            var (x0, y0) = Corner(zone.Geometry!);
            var capacity = 10_000m + (10_000m * random.Next(0, 3));
            plants.Add(new PlantState
            {
                Id = $"plant:synthetic-{p:D3}",
                Name = $"合成污水处理厂{p + 1}",
                ZoneId = zone.Id,
                ZonesServed = [.. zones.Where((_, i) => i % options.Plants == p).Select(z => z.Id)],
                Capacity = capacity,
                Status = PlantStatus.Operating,
                Accepted = true,
                Latest = new EffluentReading
                {
                    At = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero),
                    Inflow = Math.Round(capacity * (decimal)(0.4 + (random.NextDouble() * 0.4))),
                    Cod = 20 + (random.NextDouble() * 20),
                    Ammonia = 1 + (random.NextDouble() * 2),
                    TotalPhosphorus = 0.1 + (random.NextDouble() * 0.2),
                    Ph = 7 + random.NextDouble(),
                },
                Geometry = Rect(x0 + 20, y0 + 20, 60, 60),
            });
        }

        var stations = new List<StationState>();
        for (var s = 0; s < options.Stations; s++)
        {
            var zone = zones[s % options.Zones];
            var (x0, y0) = Corner(zone.Geometry!);
            var air = s % 4 == 0;
            stations.Add(new StationState
            {
                Id = $"station:synthetic-{s:D6}",
                Name = air ? $"大气检测站{s + 1}" : $"雨水排口监控{s + 1}",
                ZoneId = zone.Id,
                Station = air ? StationType.AirQuality : StationType.RainwaterOutlet,
                Geometry = Point(x0 + 10 + (random.NextDouble() * (zoneSide - 20)), y0 + 10 + (random.NextDouble() * 170)),
            });
        }

        var roads = zones.Select((zone, i) =>
        {
            var (x0, y0) = Corner(zone.Geometry!);
            return (TwinState)new NetworkSegmentState
            {
                Id = $"network:synthetic-road-{i:D3}",
                Name = $"合成路{i + 1}",
                ZoneId = zone.Id,
                Phase = 1,
                Network = NetworkType.Road,
                Status = NetworkStatus.Accepted,
                Geometry = TwinGeometry.Factory.CreateLineString([Lonlat(x0 + 90, y0 + 5), Lonlat(x0 + 90, y0 + zoneSide - 5)]),
            };
        });

        var park = new ParkState
        {
            Id = TwinIds.Park,
            Name = "合成工业园区",
            NameEn = "Synthetic industrial park (invented, for scale tests)",
            ReportYear = 2026,
            Invented = true,
            Note = "Generated: every shape and figure is invented.",
            Targets = new ParkTargets { Revenue = 5_000_000, Tax = 300_000 },
            ZoneIds = [.. zones.Select(z => z.Id)],
            Geometry = Rect(originX, originY, parkSide, parkSide),
        };

        twins.Add(park);
        twins.AddRange(zones);
        twins.AddRange(buildings);
        twins.AddRange(enterprises);
        twins.AddRange(plants);
        twins.AddRange(stations);
        twins.AddRange(roads);
        return twins;
    }

    private static int FloorsFor(ConstructionStage stage, int floors, Random random) => stage switch
    {
        ConstructionStage.Structure => random.Next(1, floors),
        ConstructionStage.ToppedOut or ConstructionStage.Completed => floors,
        _ => 0,
    };

    private static Industry IndustryFor(ZoneIndustry zone, Random random) => zone switch
    {
        ZoneIndustry.Pharma => random.NextDouble() < 0.8 ? Industry.Pharma : Industry.Health,
        ZoneIndustry.MetalFurniture => Industry.MetalFurniture,
        ZoneIndustry.SaltChemical => Industry.SaltChemical,
        ZoneIndustry.Recycling => Industry.Recycling,
        _ => (Industry)random.Next(0, 10),
    };

    private static MonthlyFigures Figures(int month, Random random)
    {
        var revenue = Math.Round((decimal)(200 + (random.NextDouble() * 5_000)), 2);
        return new MonthlyFigures { Month = $"2026-{month:D2}", Revenue = revenue, Tax = Math.Round(revenue * 0.05m, 2), Exports = 0 };
    }

    private static (double X, double Y) Corner(Geometry zone)
    {
        var env = zone.EnvelopeInternal;
        return ((env.MinX - CentreLon) * MetresPerDegreeLon, (env.MinY - CentreLat) * MetresPerDegreeLat);
    }

    private static Coordinate Lonlat(double x, double y) =>
        new(Math.Round(CentreLon + (x / MetresPerDegreeLon), 7), Math.Round(CentreLat + (y / MetresPerDegreeLat), 7));

    private static Point Point(double x, double y) => TwinGeometry.Factory.CreatePoint(Lonlat(x, y));

    private static Polygon Rect(double x, double y, double width, double height) =>
        TwinGeometry.Factory.CreatePolygon([Lonlat(x, y), Lonlat(x + width, y), Lonlat(x + width, y + height), Lonlat(x, y + height), Lonlat(x, y)]);
}
