using Twin.Silo.Hosting;
using Twin.Web.Hosting;

// One process: an Orleans silo (the twins) co-hosting the ASP.NET Core web front (API, later hub and map).
var builder = WebApplication.CreateBuilder(args);
builder.AddTwinSilo();
builder.Services.AddTwinWeb(builder.Configuration);

var app = builder.Build();
app.MapTwinWeb();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
