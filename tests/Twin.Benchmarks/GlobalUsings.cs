global using Twin.Contracts.Changes;
global using Twin.Contracts.Model;
global using Twin.Contracts.Stats;
