global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json.Nodes;
global using Twin.Web.Tests.Infrastructure;
global using Xunit;
global using Twin.Testing;
