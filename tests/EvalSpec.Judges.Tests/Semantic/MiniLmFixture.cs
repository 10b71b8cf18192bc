using System;
using EvalSpec.Embeddings.MiniLM;
using Xunit;

namespace EvalSpec.Judges.Tests.Semantic;

/// <summary>One real all-MiniLM-L6-v2 generator shared by the tests that need the model.</summary>
public sealed class MiniLmFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Generator { get; } = new();

    public void Dispose() => Generator.Dispose();
}

[CollectionDefinition(Name)]
public sealed class MiniLmCollection : ICollectionFixture<MiniLmFixture>
{
    public const string Name = "MiniLM model";
}
