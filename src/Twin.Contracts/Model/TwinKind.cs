namespace Twin.Contracts.Model;

/// <summary>The kinds of twin; each kind is one grain type and one id prefix.</summary>
public enum TwinKind
{
    /// <summary>The management committee's park (管委会, 工业园区).</summary>
    Park,

    /// <summary>A sub-park or an area of one (园区, 医药区 / 金属区).</summary>
    Zone,

    /// <summary>A standard factory building (标准厂房).</summary>
    Building,

    /// <summary>An enterprise (企业).</summary>
    Enterprise,

    /// <summary>A wastewater treatment plant (污水处理厂).</summary>
    Plant,

    /// <summary>A road, pipe or drainage segment (路网, 管网, 排水渠).</summary>
    Network,

    /// <summary>A monitoring station (大气检测站, 雨水总排口在线监控).</summary>
    Station,

    /// <summary>A public facility: exhibition centre, service platform (公共服务平台).</summary>
    Facility,
}
