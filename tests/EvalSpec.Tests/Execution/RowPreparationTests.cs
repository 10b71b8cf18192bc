using System;
using System.Threading.Tasks;
using EvalSpec.Execution;
using EvalSpec.Judging;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;
using static EvalSpec.Tests.Execution.StageRows;

namespace EvalSpec.Tests.Execution;

/// <summary>
/// The prepare stage alone (<see cref="RowPreparation"/>): a relation row's follow-up input, or its outcome when the
/// relation decides the row before anything is called.
/// </summary>
public sealed class RowPreparationTests : IClassFixture<EvalRunFixture>
{
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly EvalRunFixture _run;

    public RowPreparationTests(EvalRunFixture run)
    {
        _run = run;
    }

    private static EvalMethodDescriptor With(RelationDescriptor relation, [System.Runtime.CompilerServices.CallerMemberName] string methodName = "") =>
        Method(_ => throw new InvalidOperationException("the prepare stage must not call the eval method"), relations: new[] { relation }, methodName: methodName);

    [Fact]
    public async Task A_parameter_relation_transforms_that_argument_and_renders_the_prompt_again()
    {
        PreparedRow row = Row(_run.Host, With(new RelationDescriptor("shout", RelationKind.Directional, () => new Uppercase(), "product", 0.5, Change.Differs)), "shout");

        (RelationInput? input, RowOutcome? decided) = await RowPreparation.PrepareRelationAsync(_run.Host, row, Generous);

        decided.Should().BeNull();
        input!.SourceInput.Should().Be("a laptop");
        input.FollowUpInput.Should().Be("A LAPTOP");
        input.FollowUpArguments.Should().Equal("A LAPTOP");
        input.FollowUpPrompt.Should().Be("How many days do I have to return A LAPTOP?");
        input.Similarity.Should().BeNull("only invariant relations are weighed by what they kept");
    }

    [Fact]
    public async Task A_relation_that_does_not_change_the_input_decides_the_row_not_applicable()
    {
        PreparedRow row = Row(_run.Host, With(Invariant<UnchangedInput>("unchanged")), "unchanged");

        (RelationInput? input, RowOutcome? decided) = await RowPreparation.PrepareRelationAsync(_run.Host, row, Generous);

        input.Should().BeNull();
        decided!.NotApplicable.Should().BeTrue();
        decided.Reason.Should().Be("relation 'unchanged' did not change the prompt, so there is nothing to check for this case");
        decided.Prompt.Should().Be(RenderedPrompt);
    }

    [Fact]
    public async Task A_relation_that_throws_decides_the_row_inconclusive_with_its_exception()
    {
        PreparedRow row = Row(_run.Host, With(Invariant<BrokenRelation>("broken")), "broken");

        (RelationInput? input, RowOutcome? decided) = await RowPreparation.PrepareRelationAsync(_run.Host, row, Generous);

        input.Should().BeNull();
        decided!.Outcome.Should().Be(VerdictOutcome.Inconclusive);
        decided.NotApplicable.Should().BeFalse();
        decided.Exception.Should().BeOfType<NotSupportedException>();
        decided.Reason.Should().Contain("relation 'broken' threw NotSupportedException").And.Contain(BrokenRelation.Reason);
    }
}
