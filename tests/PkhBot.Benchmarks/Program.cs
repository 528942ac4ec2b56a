using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/PkhBot.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
