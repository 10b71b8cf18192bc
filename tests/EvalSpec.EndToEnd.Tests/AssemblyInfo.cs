using Xunit;

// Every test here starts dotnet builds; on a 2-core machine they are faster one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
