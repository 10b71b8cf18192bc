using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using EvalSpec.Judging;
using FluentAssertions;
using Microsoft.Extensions.AI;
using Xunit;

namespace EvalSpec.Judges.Tests.Semantic;

/// <summary>The embedding-similarity judge with the real all-MiniLM-L6-v2 model (no fake generator).</summary>
[Collection(MiniLmCollection.Name)]
public sealed class EmbeddingSimilarityJudgeTests(MiniLmFixture model)
{
    private const string Reference = "You can return a laptop within 30 days of delivery.";

    public static TheoryData<string> Paraphrases => new()
    {
        "Laptops may be returned within thirty days of being delivered.",
        "Laptops can be sent back for a refund up to 30 days after they arrive.",
    };

    public static TheoryData<string> UnrelatedAnswers => new()
    {
        "Our headquarters are located in Berlin.",
        "I'm not sure about that. Please contact support.",
        "Bananas are rich in potassium.",
    };

    [Fact]
    public async Task Paraphrases_score_higher_than_unrelated_sentences()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict paraphrase = await judge.JudgeAsync("On weekdays the shop opens at nine in the morning.", expected: "The store opens at 9 am on weekdays.");
        Verdict unrelated = await judge.JudgeAsync("I like to play football on Sundays.", expected: "The store opens at 9 am on weekdays.");

        paraphrase.Score.Should().BeGreaterThan(unrelated.Score!.Value + 0.5);
    }

    [Theory]
    [MemberData(nameof(Paraphrases))]
    public async Task Passes_a_paraphrase_of_the_expected_answer_at_the_default_threshold(string paraphrase)
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync(paraphrase, expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass, verdict.Rationale);
        verdict.Score.Should().BeGreaterThanOrEqualTo(EmbeddingSimilarityJudge.DefaultThreshold);
    }

    [Theory]
    [MemberData(nameof(UnrelatedAnswers))]
    public async Task Fails_an_unrelated_answer_at_the_default_threshold(string unrelated)
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync(unrelated, expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail, verdict.Rationale);
        verdict.Score.Should().BeLessThan(0.3);
    }

    [Fact]
    public async Task The_rationale_gives_the_similarity_the_reference_the_threshold_and_the_model()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync("Our headquarters are located in Berlin.", expected: Reference);

        verdict.Rationale.Should().MatchRegex(
            "^the output is not similar enough in meaning: cosine similarity -?0\\.\\d{3} between the output and the expected answer \"You can return a laptop within 30 days of delivery\\.\" \\(threshold 0\\.75; embeddings by 'minilm/all-MiniLM-L6-v2' \\(MiniLmEmbeddingGenerator\\)\\)$");
    }

    [Fact]
    public async Task Compares_with_the_source_output_for_invariance()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator, reference: ReferenceSource.ReferenceOutput);

        Verdict verdict = await judge.JudgeAgainstSourceAsync("Paris is France's capital city.", sourceOutput: "The capital of France is Paris.");

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        verdict.Rationale.Should().Contain("the source output \"The capital of France is Paris.\"");
    }

    [Fact]
    public async Task Does_not_see_a_changed_number_so_it_needs_a_fact_check_beside_it()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync("You can return a laptop within 14 days of delivery.", expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Pass);
        (await new ExpectedAnswerJudge().JudgeAsync("You can return a laptop within 14 days of delivery.", expected: "30 days")).Outcome.Should().Be(VerdictOutcome.Fail);
    }

    [Fact]
    public async Task Compares_an_empty_output_anyway_and_says_it_was_empty()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync(string.Empty, expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Rationale.Should().StartWith("the output is not similar enough in meaning: the output is empty (compared all the same); cosine similarity ");
    }

    [Fact]
    public async Task Is_inconclusive_without_an_expected_answer()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);

        Verdict verdict = await judge.JudgeAsync("anything");

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().StartWith("the case has no expected answer to compare with");
    }

    [Fact]
    public async Task A_generator_that_throws_gives_an_inconclusive_verdict_naming_it()
    {
        var judge = new EmbeddingSimilarityJudge(new ThrowingGenerator());

        Verdict verdict = await judge.JudgeAsync("anything", expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Be("embedding generator 'acme/embed-v2' (ThrowingGenerator) threw HttpRequestException: 503 Service Unavailable");
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_verdict()
    {
        var judge = new EmbeddingSimilarityJudge(model.Generator);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Func<Task> judging = async () => await judge.JudgeAsync(new JudgeRequest("anything") { Expected = Reference }, cancelled.Token);

        await judging.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public async Task A_generator_that_returns_too_few_embeddings_gives_an_inconclusive_verdict()
    {
        var judge = new EmbeddingSimilarityJudge(new FixedGenerator([new Embedding<float>(new float[] { 1, 0 })]));

        Verdict verdict = await judge.JudgeAsync("anything", expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Be("embedding generator 'FixedGenerator' returned 1 embedding(s) for 2 texts");
    }

    [Fact]
    public async Task Vectors_of_different_lengths_give_an_inconclusive_verdict()
    {
        var judge = new EmbeddingSimilarityJudge(new FixedGenerator([new Embedding<float>(new float[] { 1, 0 }), new Embedding<float>(new float[] { 1, 0, 0 })]));

        Verdict verdict = await judge.JudgeAsync("anything", expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        verdict.Rationale.Should().Contain("vectors of 2 and 3 dimensions");
    }

    [Fact]
    public async Task A_negative_similarity_scores_zero_but_is_reported_as_it_is()
    {
        var judge = new EmbeddingSimilarityJudge(new FixedGenerator([new Embedding<float>(new float[] { 1, 0 }), new Embedding<float>(new float[] { -1, 0 })]));

        Verdict verdict = await judge.JudgeAsync("anything", expected: Reference);

        verdict.Outcome.Should().Be(VerdictOutcome.Fail);
        verdict.Score.Should().Be(0);
        verdict.Rationale.Should().Contain("cosine similarity -1.000");
    }

    [Fact]
    public void Rejects_a_threshold_outside_zero_to_one()
    {
        Action create = () => _ = new EmbeddingSimilarityJudge(model.Generator, threshold: -0.1);

        create.Should().Throw<ArgumentOutOfRangeException>().And.ParamName.Should().Be("threshold");
    }

    private sealed class ThrowingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new System.Net.Http.HttpRequestException("503 Service Unavailable");

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("acme", null, "embed-v2") : null;

        public void Dispose()
        {
        }
    }

    private sealed class FixedGenerator(Embedding<float>[] embeddings) : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
