namespace Twin.Web.Security;

/// <summary>Settings of sign-in and hardening, section <c>Twin:Auth</c>. Secrets come only from configuration or the environment.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Twin:Auth";

    /// <summary>An organisation's OpenID Connect provider; when its authority is set, browsers sign in there instead of the twin's own store.</summary>
    public OidcOptions Oidc { get; set; } = new();

    /// <summary>Failed sign-ins before an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked, in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Sign-in attempts (passwords and display keys) per client address per minute.</summary>
    public int SignInPermitsPerMinute { get; set; } = 20;

    /// <summary>Ingest requests per device key per second (a request carries up to 5,000 readings).</summary>
    public int IngestPermitsPerSecond { get; set; } = 200;

    /// <summary>Largest request body, bytes, unless an endpoint says otherwise.</summary>
    public long MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>Largest ingest body, bytes.</summary>
    public long MaxIngestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a browser session lasts without use, in hours.</summary>
    public int SessionHours { get; set; } = 8;
}

public sealed class OidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim in the provider's tokens that carries the twin's role names.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Whether the authority must be HTTPS (keep on outside development).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>Section <c>Twin:Demo</c>: <c>./twin run --demo</c> seeds one account per role and a device and a display key.</summary>
public sealed class DemoOptions
{
    public const string Section = "Twin:Demo";

    public bool Enabled { get; set; }

    /// <summary>Where the demo credentials are written (JSON) besides the console; none if empty.</summary>
    public string? CredentialsFile { get; set; }
}
