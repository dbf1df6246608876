using Twin.LoadTool;

// Twin.LoadTool generate --twins N --out FILE [--seed S]
// Twin.LoadTool run --url U --clients N --rate R --seconds S [--batch B] [--senders K] [--hot] [--messagepack]
//                   [--server-pid P] [--storage-pid P] [--clk-tck T] [--storage CONN]
//                   [--azurite-log FILE] [--results FILE]
// Twin.LoadTool storage-probe --storage CONN [--rows 100,1000,4000] [--seconds 4] [--concurrency 8]
// (`run` is the default verb, so the old `Twin.LoadTool --url ... --clients ...` still works.)
// `./twin bench` runs both; docs/performance.md explains the figures.
var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
return verb switch
{
    "generate" => await GenerateCommand.RunAsync(rest),
    "run" => await RunCommand.RunAsync(rest),
    "storage-probe" => await StorageProbeCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Twin.LoadTool generate --twins N --out FILE | run --url U --clients N --rate R --seconds S [...]");
    return 2;
}
