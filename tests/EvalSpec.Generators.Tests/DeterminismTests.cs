using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EvalSpec.Generators.Tests.Infrastructure;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Generators.Tests;

/// <summary>
/// The same project generates the same files on every machine: output must not depend on the build machine's
/// culture or on the order in which the compiler hands over the files.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly SourceFile[] Suite = Scenarios.CaseArgumentTypes.Concat(Scenarios.NoPrompt).Concat(Scenarios.DesignExample).ToArray();

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("ar-SA")]
    public void Generated_sources_do_not_depend_on_the_current_culture(string cultureName)
    {
        IReadOnlyDictionary<string, string> invariant = GenerateUnder(CultureInfo.InvariantCulture, Suite);

        IReadOnlyDictionary<string, string> local = GenerateUnder(CultureInfo.GetCultureInfo(cultureName), Suite);

        local.Should().Equal(invariant);
    }

    [Fact]
    public void Culture_under_test_formats_numbers_differently()
    {
        // Guards the culture test: it only means something where the culture is really applied.
        string formatted = string.Empty;
        RunUnder(CultureInfo.GetCultureInfo("de-DE"), () => formatted = 1.5.ToString());

        formatted.Should().Be("1,5");
    }

    [Fact]
    public void Generated_sources_do_not_depend_on_the_order_of_files()
    {
        IReadOnlyDictionary<string, string> forward = GenerateUnder(CultureInfo.InvariantCulture, Suite);

        IReadOnlyDictionary<string, string> reversed = GenerateUnder(CultureInfo.InvariantCulture, Suite.Reverse().ToArray());

        reversed.Should().Equal(forward);
    }

    private static IReadOnlyDictionary<string, string> GenerateUnder(CultureInfo culture, SourceFile[] files)
    {
        IReadOnlyDictionary<string, string> generated = new Dictionary<string, string>();
        RunUnder(culture, () =>
        {
            GeneratorRun run = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(files));
            run.DriverDiagnostics.Should().BeEmpty();
            generated = run.Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
        });
        generated.Should().NotBeEmpty();
        return generated;
    }

    private static void RunUnder(CultureInfo culture, System.Action action)
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        CultureInfo previousUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            action();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previousUi;
        }
    }
}
