namespace Twin.Contracts.Rules;

/// <summary>What a plant reading may hold.</summary>
public static class PlantRules
{
    public static RuleViolation? CheckReading(EffluentReading reading, EffluentReading? latest)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.At == default)
        {
            return new("at", "the reading's time is missing");
        }

        if (reading.At > DateTimeOffset.UtcNow.AddMinutes(5))
        {
            return new("at", "the reading is in the future");
        }

        if (reading.Inflow < 0)
        {
            return new("inflow", "inflow cannot be negative");
        }

        if (!IsConcentration(reading.Cod))
        {
            return new("cod", "COD must be a concentration in mg/L (0 to 100,000)");
        }

        if (!IsConcentration(reading.Ammonia))
        {
            return new("ammonia", "ammonia must be a concentration in mg/L (0 to 100,000)");
        }

        if (!IsConcentration(reading.TotalPhosphorus))
        {
            return new("totalPhosphorus", "total phosphorus must be a concentration in mg/L (0 to 100,000)");
        }

        if (!double.IsFinite(reading.Ph) || reading.Ph is < 0 or > 14)
        {
            return new("ph", "pH must be between 0 and 14");
        }

        if (latest is not null && reading.At <= latest.At)
        {
            return new("at", $"a reading at {latest.At:O} or later is already recorded", IsConflict: true);
        }

        return null;
    }

    private static bool IsConcentration(double value) => double.IsFinite(value) && value is >= 0 and <= 100_000;
}
