using System;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Embeddings.MiniLM;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Judges.Tests.Semantic;

[Collection(MiniLmCollection.Name)]
public sealed class MiniLmEmbeddingGeneratorTests(MiniLmFixture model)
{
    [Fact]
    public async Task Produces_one_normalised_384_dimensional_embedding_per_text()
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync(["The capital of France is Paris.", "Bananas are rich in potassium."]);

        embeddings.Should().HaveCount(2);
        embeddings.Should().AllSatisfy(e =>
        {
            e.Vector.Length.Should().Be(384);
            e.ModelId.Should().Be("all-MiniLM-L6-v2");
            Math.Sqrt(e.Vector.ToArray().Sum(x => (double)x * x)).Should().BeApproximately(1.0, 1e-5);
        });
    }

    [Fact]
    public async Task Gives_the_same_text_the_same_embedding()
    {
        GeneratedEmbeddings<Embedding<float>> embeddings = await model.Generator.GenerateAsync(["same text", "same text"]);

        embeddings[0].Vector.ToArray().Should().Equal(embeddings[1].Vector.ToArray());
    }

    [Fact]
    public async Task Serves_concurrent_callers()
    {
        string[] texts = Enumerable.Range(0, 16).Select(i => $"Question number {i} about returns.").ToArray();

        GeneratedEmbeddings<Embedding<float>>[] results = await Task.WhenAll(texts.Select(t => model.Generator.GenerateAsync([t])));

        results.Should().AllSatisfy(r => r.Single().Vector.Length.Should().Be(384));
    }

    [Fact]
    public void Describes_itself_through_metadata()
    {
        var metadata = (EmbeddingGeneratorMetadata?)model.Generator.GetService(typeof(EmbeddingGeneratorMetadata));

        metadata.Should().NotBeNull();
        metadata!.ProviderName.Should().Be("minilm");
        metadata.DefaultModelId.Should().Be("all-MiniLM-L6-v2");
        metadata.DefaultModelDimensions.Should().Be(384);
        model.Generator.GetService(typeof(MiniLmEmbeddingGenerator)).Should().BeSameAs(model.Generator);
        model.Generator.GetService(typeof(EmbeddingGeneratorMetadata), serviceKey: "other").Should().BeNull();
    }

    [Fact]
    public async Task Loads_the_model_only_when_there_is_something_to_embed()
    {
        using var generator = new MiniLmEmbeddingGenerator();

        GeneratedEmbeddings<Embedding<float>> none = await generator.GenerateAsync([]);

        none.Should().BeEmpty();
        generator.IsModelLoaded.Should().BeFalse();
    }

    [Fact]
    public async Task Rejects_a_different_number_of_dimensions()
    {
        Func<Task> generate = () => model.Generator.GenerateAsync(["x"], new EmbeddingGenerationOptions { Dimensions = 512 });

        await generate.Should().ThrowAsync<NotSupportedException>().WithMessage("*384-dimensional*512*");
    }

    [Fact]
    public async Task Throws_after_it_is_disposed()
    {
        var generator = new MiniLmEmbeddingGenerator();
        _ = await generator.GenerateAsync(["load the model"]);
        generator.Dispose();
        generator.Dispose();

        Func<Task> generate = () => generator.GenerateAsync(["x"]);

        await generate.Should().ThrowAsync<ObjectDisposedException>();
    }
}
