using Xunit;

// Every test here starts dotnet builds and test runs. Two at a time (whatever the core count): one child's process
// start-up, restore and VSTest hand-offs leave a core idle that the other uses; more than two only queue on a 2-core
// machine. Tests of one class (or one named collection) still run one after another, and a fixture built and run in
// place (tests/fixtures/<name>, not a scratch copy) takes one child at a time (DotNet.RunAsync waits for it). xUnit's
// default (conservative) algorithm starts no more tests than this, even when they await their children.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, MaxParallelThreads = 2)]
