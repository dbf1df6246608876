global using Twin.Planning.Allocation;
global using Xunit;
