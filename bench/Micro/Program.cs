using BenchmarkDotNet.Running;

// `dotnet run -c Release --project bench/Micro -- --filter '*'` (bench/README.md).
BenchmarkSwitcher.FromAssembly(typeof(VssBot.Bench.Micro.FieldReaderBenchmarks).Assembly).Run(args);
