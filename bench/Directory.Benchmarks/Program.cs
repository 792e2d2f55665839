using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Directory.Benchmarks.NrwData).Assembly).Run(args);
