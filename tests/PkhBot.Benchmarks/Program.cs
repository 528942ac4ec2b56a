using BenchmarkDotNet.Running;

namespace PkhBot.Benchmarks;

// dotnet run -c Release --project tests/PkhBot.Benchmarks -- --filter '*'
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
