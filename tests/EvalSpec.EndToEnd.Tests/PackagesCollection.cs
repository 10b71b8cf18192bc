using Xunit;

namespace EvalSpec.EndToEnd.Tests;

/// <summary>The tests that consume the packed packages: they share one pack (<see cref="PackedFeed"/>) and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackedFeed>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packages";
}
