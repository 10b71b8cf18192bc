using System;
using System.Linq;
using EvalSpec.Metamorphic;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Metamorphic;

public sealed class MetamorphicContextTests
{
    private static int[] Draws(MetamorphicContext context) => Enumerable.Range(0, 20).Select(_ => context.Random.Next()).ToArray();

    [Fact]
    public void The_context_exposes_its_row_id()
    {
        new MetamorphicContext("Suite.Method/laptop/formal/typos").RowId.Should().Be("Suite.Method/laptop/formal/typos");
    }

    [Fact]
    public void Contexts_of_the_same_row_draw_the_same_numbers()
    {
        Draws(new MetamorphicContext("row-a")).Should().Equal(Draws(new MetamorphicContext("row-a")));
    }

    [Fact]
    public void Contexts_of_different_rows_draw_different_numbers()
    {
        Draws(new MetamorphicContext("row-a")).Should().NotEqual(Draws(new MetamorphicContext("row-b")));
    }

    [Fact]
    public void A_context_needs_a_row_id()
    {
        Action create = () => _ = new MetamorphicContext(null!);

        create.Should().Throw<ArgumentNullException>();
    }
}
