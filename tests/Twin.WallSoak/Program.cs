using System.Globalization;
using Twin.WallSoak;

// ./twin soak [--minutes M] [--rate R] [--sample-seconds S]: see build/soak.sh.
var options = SoakOptions.Parse(args);
var report = await Soak.RunAsync(options);
Console.WriteLine(report.Table());
var path = Path.Combine(Twin.Testing.RepoPaths.Root, "TestResults", "soak", $"{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.md");
Directory.CreateDirectory(Path.GetDirectoryName(path)!);
await File.WriteAllTextAsync(path, report.Table());
Console.WriteLine($"Kept in {path}");
return report.Passed ? 0 : 1;
