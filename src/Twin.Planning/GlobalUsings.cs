global using Twin.Contracts.Model;
global using Orleans.Concurrency;
