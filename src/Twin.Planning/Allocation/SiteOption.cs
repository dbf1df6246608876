namespace Twin.Planning.Allocation;

/// <summary>One way a candidate can take a site: the floors it occupies and the floor area it gets.</summary>
/// <param name="Site">Index into <see cref="AllocationProblem.Sites"/>.</param>
/// <param name="Floors">Floors taken: the candidate's own floors in a shared building, every floor when it takes the building whole.</param>
/// <param name="Area">Floor area the candidate gets, m².</param>
/// <param name="Whole">True when the candidate takes the whole building (no other tenant can join it).</param>
internal readonly record struct SiteOption(int Site, int Floors, decimal Area, bool Whole)
{
    /// <summary>
    /// How candidate <paramref name="c"/> could take site <paramref name="s"/> by readiness and floor area alone
    /// (zone, plant and safety rules aside), or null. In a building that may be split the candidate takes its own
    /// <see cref="Candidate.Floors"/> and gets <c>FloorArea × Candidate.Floors / Site.Floors</c>; when that share is
    /// outside its range but the whole building fits it, it takes the building whole.
    /// </summary>
    public static SiteOption? Fit(Candidate c, Site s, int siteIndex)
    {
        if (s.ReadyOn is not { } ready || ready > c.ReadyBy)
        {
            return null;
        }

        if (s.AllowsSplit && c.Floors < s.Floors)
        {
            var share = s.FloorArea * c.Floors / s.Floors;
            if (share >= c.MinArea && share <= c.MaxArea)
            {
                return new SiteOption(siteIndex, c.Floors, share, Whole: false);
            }
        }

        return s.FloorArea >= c.MinArea && s.FloorArea <= c.MaxArea
            ? new SiteOption(siteIndex, s.Floors, s.FloorArea, Whole: true)
            : null;
    }
}
