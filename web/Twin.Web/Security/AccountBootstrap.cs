using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twin.Contracts.Security;

namespace Twin.Web.Security;

/// <summary>
/// On the first start of a store with no accounts, creates <c>admin</c> with a one-time password
/// printed to the console (there are no built-in passwords). With <c>Twin:Demo:Enabled</c> it also
/// (re)creates one demo account per role, a device key for every twin and a display key for wall
/// <c>main</c>, with fresh secrets printed and written to <c>Twin:Demo:CredentialsFile</c>.
/// </summary>
public sealed partial class AccountBootstrap(
    AccountService accounts,
    ApiKeyService keys,
    IGrainFactory grains,
    IOptions<DemoOptions> demo,
    IOptions<SecurityOptions> security,
    ILogger<AccountBootstrap> logger) : BackgroundService
{
    public const string AdminName = "admin";
    public const string DemoPrefix = "demo-";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The grains answer once the silo has started; retry until then.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await BootstrapAsync();
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && attempt < 60 && e is not OperationCanceledException)
            {
                LogRetry(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task BootstrapAsync()
    {
        if (!security.Value.Oidc.Enabled)
        {
            var directory = grains.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key);
            if ((await directory.Users()).Count == 0 && await accounts.CreateAsync(AdminName, "Administrator", [TwinRoles.Admin]) is { } password)
            {
                LogFirstAdmin(logger, AdminName);
                await Console.Out.WriteLineAsync(
                    $"\n  First start: account '{AdminName}' created with the one-time password  {password}\n" +
                    "  Sign in with it and choose a new password (it works only once).\n");
            }
        }

        if (demo.Value.Enabled)
        {
            await SeedDemoAsync();
        }
    }

    private async Task SeedDemoAsync()
    {
        var users = new List<DemoUser>();
        foreach (var role in TwinRoles.All)
        {
            var name = DemoPrefix + role;
            var password = AccountService.NewPassword();
            if (await accounts.CreateAsync(name, $"Demo {role}", [role], password) is null)
            {
                await accounts.ResetAsync(name, password);
            }

            users.Add(new DemoUser(name, password, [role]));
        }

        // Fresh keys each start; the previous demo keys are revoked so none outlives its printout.
        var directory = grains.GetGrain<ISecurityDirectoryGrain>(ISecurityDirectoryGrain.Key);
        foreach (var id in await directory.Keys())
        {
            if (await keys.FindAsync(id) is { IsRevoked: false } old && old.Name.StartsWith(DemoPrefix, StringComparison.Ordinal))
            {
                await keys.RevokeAsync(id);
            }
        }

        var (_, device) = await keys.CreateAsync(ApiKeyKind.Device, DemoPrefix + "sensors", ["*"], null, "system:demo");
        var (_, display) = await keys.CreateAsync(ApiKeyKind.Display, DemoPrefix + "wall-main", [], "main", "system:demo");
        var credentials = new DemoCredentials(users, [new DemoKey(DemoPrefix + "sensors", "device", device, null), new DemoKey(DemoPrefix + "wall-main", "display", display, "main")]);

        var table = string.Join('\n', users.Select(u => $"    {u.Name,-16} {u.Password}"));
        await Console.Out.WriteLineAsync(
            $"\n  Demo accounts (--demo; new passwords every start):\n{table}\n" +
            $"    device key (every twin)  {device}\n    display key (wall main)  {display}\n");
        if (demo.Value.CredentialsFile is { Length: > 0 } file)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var json = JsonSerializer.Serialize(credentials, JsonOptions);
            await File.WriteAllTextAsync(file + ".tmp", json);
            File.Move(file + ".tmp", file, overwrite: true);
        }

        LogDemo(logger, users.Count, demo.Value.CredentialsFile ?? "(console only)");
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "First start: account {Name} created; its one-time password is printed on the console")]
    private static partial void LogFirstAdmin(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: {Count} accounts and two keys ready; credentials in {File}")]
    private static partial void LogDemo(ILogger logger, int count, string file);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accounts not ready yet: {Reason}")]
    private static partial void LogRetry(ILogger logger, string reason);
}

/// <summary>The demo credentials file: <c>{users: [{name, password, roles}], keys: [{name, kind, key, wallId}]}</c>.</summary>
public sealed record DemoCredentials(IReadOnlyList<DemoUser> Users, IReadOnlyList<DemoKey> Keys);

public sealed record DemoUser(string Name, string Password, IReadOnlyList<string> Roles);

public sealed record DemoKey(string Name, string Kind, string Key, string? WallId);
