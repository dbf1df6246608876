global using Twin.Contracts;
global using Twin.Contracts.Changes;
global using Twin.Contracts.Commands;
global using Twin.Contracts.Grains;
global using Twin.Contracts.Model;
global using Twin.Contracts.Stats;
global using Xunit;
