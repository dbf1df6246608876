namespace Twin.Contracts.Model;

/// <summary>Stages a standard factory building goes through, in order; it never goes back.</summary>
public enum ConstructionStage
{
    /// <summary>Planned, not started (规划).</summary>
    Planned,

    /// <summary>Piling (打桩).</summary>
    Piling,

    /// <summary>Foundation done (完成基础).</summary>
    Foundation,

    /// <summary>Floors rising: n of N floors built (完成n层).</summary>
    Structure,

    /// <summary>Topped out (封顶).</summary>
    ToppedOut,

    /// <summary>Completed and accepted (竣工 / 验收).</summary>
    Completed,
}

/// <summary>What a standard factory building is for.</summary>
public enum BuildingUse
{
    /// <summary>Industrial standard building (工业标准厂房).</summary>
    Industrial,

    /// <summary>Service-industry standard building (服务业标准厂房).</summary>
    Service,
}

/// <summary>A zone's industry focus.</summary>
public enum ZoneIndustry
{
    Pharma,
    MetalFurniture,
    SaltChemical,
    Recycling,
    Mixed,
}

/// <summary>An enterprise's industry: the pillars 药 酒 盐 金 and the emerging ones.</summary>
public enum Industry
{
    Pharma,
    Liquor,
    SaltChemical,
    MetalFurniture,
    Recycling,
    Health,
    Electronics,
    BigData,
    Logistics,
    Other,
}

/// <summary>
/// An enterprise's lifecycle: 签约 Signed → 在建 UnderConstruction → 投产 InProduction, with
/// Suspended (停产) and Exited (退出). UnderConstruction, InProduction and Suspended count as
/// settled (落户): the enterprise has moved in.
/// </summary>
public enum EnterpriseStatus
{
    Signed,
    UnderConstruction,
    InProduction,
    Suspended,
    Exited,
}

/// <summary>A wastewater treatment plant's status.</summary>
public enum PlantStatus
{
    /// <summary>Operating (运行).</summary>
    Operating,

    /// <summary>Being upgraded to a stricter standard (提标改造).</summary>
    Upgrading,

    /// <summary>Expansion approved (扩容获批).</summary>
    ExpansionApproved,

    /// <summary>Under construction (在建).</summary>
    UnderConstruction,

    /// <summary>Planned (规划).</summary>
    Planned,
}

/// <summary>What a network segment carries.</summary>
public enum NetworkType
{
    /// <summary>Road (路网).</summary>
    Road,

    /// <summary>Pipe (管网).</summary>
    Pipe,

    /// <summary>Drainage channel (排水渠).</summary>
    Drainage,
}

/// <summary>A road or pipe segment's status, in order; it never goes back.</summary>
public enum NetworkStatus
{
    Planned,
    Designed,
    UnderConstruction,
    Completed,
    Accepted,
}

/// <summary>A monitoring station's type.</summary>
public enum StationType
{
    /// <summary>Air-quality station (大气检测站).</summary>
    AirQuality,

    /// <summary>Public rainwater outlet online monitor (公共雨水总排口在线监控).</summary>
    RainwaterOutlet,

    /// <summary>Outdoor environment display screen (户外环境显示屏).</summary>
    EnvironmentDisplay,
}

/// <summary>A public facility's type.</summary>
public enum FacilityType
{
    /// <summary>Exhibition and trading centre (展示交易中心).</summary>
    ExhibitionCentre,

    /// <summary>A public service platform (公共服务平台).</summary>
    Platform,

    Other,
}

/// <summary>The public service platforms: the six (六大平台) and the planned ones.</summary>
public enum PlatformType
{
    RnD,
    Incubation,
    Logistics,
    ECommerce,
    Financing,
    Export,
    Fair,
    HerbProcessing,
    CentralHeating,
    ProductTesting,
}
