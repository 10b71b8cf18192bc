using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class TextPerturbationTests
{
    [Fact]
    public void Words_are_the_runs_of_letters()
    {
        TextPerturbation.Words("Hi, it's 2 o'clock-ish!").Should().Equal((0, 2), (4, 2), (7, 1), (11, 1), (13, 5), (19, 3));
    }

    [Fact]
    public void Text_without_letters_has_no_words()
    {
        TextPerturbation.Words(" 12, 34 !").Should().BeEmpty();
    }

    [Fact]
    public void Picked_indexes_are_distinct_sorted_and_in_range()
    {
        var random = new SeededRandom(1);

        for (int round = 0; round < 100; round++)
        {
            var picked = TextPerturbation.PickDistinct(10, 4, random);

            picked.Should().HaveCount(4).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
            picked.Should().OnlyContain(i => i >= 0 && i < 10);
        }
    }

    [Fact]
    public void Asking_for_more_indexes_than_exist_picks_them_all()
    {
        TextPerturbation.PickDistinct(3, 5, new SeededRandom(1)).Should().Equal(0, 1, 2);
    }

    [Fact]
    public void Every_index_can_be_picked()
    {
        var random = new SeededRandom(2);

        Enumerable.Range(0, 200).SelectMany(_ => TextPerturbation.PickDistinct(10, 1, random)).Distinct().Should().HaveCount(10);
    }
}
