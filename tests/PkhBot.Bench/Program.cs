// dotnet run -c Release --project tests/PkhBot.Bench -- bench [--json] [--scale N] [--only AREA...]
return await PkhBot.Bench.BenchVerb.RunCliAsync(args);
