global using System.Net.Http.Json;
global using System.Text.Json.Nodes;
global using Microsoft.Playwright;
global using Twin.Browser.Tests.Infrastructure;
global using Twin.Testing;
global using Xunit;
