using System.Globalization;
using System.Text;
using Twin.Planning.Allocation;

namespace Twin.Planning.Scenarios;

/// <summary>A CSV row that was not taken: its line (the header is line 1), the column and why.</summary>
public sealed record CsvRowError(int Line, string Field, string Error);

/// <summary>
/// Candidates from CSV (RFC 4180: comma separated, double quotes around fields holding commas,
/// quotes or line breaks; UTF-8). The first line names the columns, in any order. Every bad row
/// is reported by line and field and left out; the good rows are kept.
/// </summary>
public static class CandidateCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "name", "industry", "minArea", "maxArea", "floors", "discharge", "hazardClass", "readyBy", "value"];

    /// <summary>The template the planner fills in: the header and two example rows.</summary>
    public static string Template { get; } =
        string.Join(",", Columns) + "\n" +
        "hx-bio,华信生物医药有限公司,pharma,3000,6000,3,120,1,2027-06-30,850\n" +
        "jm-furniture,\"锦美家具制造有限公司, 二期\",metal-furniture,5000,9000,4,30,0,2027-03-31,420\n";

    public static (IReadOnlyList<(int Line, Candidate Candidate)> Candidates, IReadOnlyList<CsvRowError> Errors) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = ReadRows(text.TrimStart('\uFEFF')).ToList();
        var errors = new List<CsvRowError>();
        var candidates = new List<(int Line, Candidate Candidate)>();
        if (rows.Count == 0)
        {
            errors.Add(new(1, "header", $"the file is empty; the first line names the columns: {string.Join(",", Columns)}"));
            return (candidates, errors);
        }

        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            index.TryAdd(header[i], i);
        }

        var missing = Columns.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.AddRange(missing.Select(m => new CsvRowError(rows[0].Line, m, $"the header has no column '{m}'")));
            return (candidates, errors);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string Get(string column) => index[column] < fields.Count ? fields[index[column]].Trim() : "";
            var row = TryRow(Get, out var candidate);
            if (row is { } bad)
            {
                errors.Add(new(line, bad.Field, bad.Error));
            }
            else if (CandidateRules.Check(candidate!) is { } invalid)
            {
                errors.Add(new(line, invalid.Field, invalid.Error));
            }
            else if (!seen.Add(candidate!.Id))
            {
                errors.Add(new(line, "id", $"'{candidate.Id}' appears on an earlier line"));
            }
            else
            {
                candidates.Add((line, candidate));
            }
        }

        return (candidates, errors);
    }

    private static (string Field, string Error)? TryRow(Func<string, string> get, out Candidate? candidate)
    {
        candidate = null;
        foreach (var column in new[] { "minArea", "maxArea", "discharge", "value" })
        {
            if (!decimal.TryParse(get(column), NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                return (column, $"'{get(column)}' is not a number");
            }
        }

        foreach (var column in new[] { "floors", "hazardClass" })
        {
            if (!int.TryParse(get(column), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                return (column, $"'{get(column)}' is not a whole number");
            }
        }

        if (!DateOnly.TryParseExact(get("readyBy"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var readyBy))
        {
            return ("readyBy", $"'{get("readyBy")}' is not a date (YYYY-MM-DD)");
        }

        decimal D(string c) => decimal.Parse(get(c), NumberStyles.Number, CultureInfo.InvariantCulture);
        int I(string c) => int.Parse(get(c), NumberStyles.Integer, CultureInfo.InvariantCulture);
        candidate = new Candidate(get("id"), get("name"), get("industry"), D("minArea"), D("maxArea"), I("floors"), D("discharge"), I("hazardClass"), readyBy, D("value"));
        return null;
    }

    /// <summary>Rows with the line each starts on.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> ReadRows(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var rowLine = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return (rowLine, fields);
                fields = [];
                line++;
                rowLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (rowLine, fields);
        }
    }
}
