namespace Twin.LoadTool;

/// <summary><c>--name value</c> pairs and bare <c>--flag</c>s into a dictionary (flags map to "true").</summary>
internal static class ArgParser
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].TrimStart('-');
            if (flags.Contains(name))
            {
                values[name] = "true";
            }
            else if (i + 1 < args.Count)
            {
                values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"option {args[i]} needs a value");
            }
        }

        return values;
    }
}
