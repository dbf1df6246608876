global using Twin.Contracts.Model;

global using Orleans.Concurrency;
global using Twin.Contracts.Stats;
