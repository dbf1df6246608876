global using Twin.Contracts;
global using Twin.Contracts.Grains;
global using Twin.Contracts.Model;
