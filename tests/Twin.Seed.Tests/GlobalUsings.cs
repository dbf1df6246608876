global using Xunit;
global using Twin.Contracts.Model;
