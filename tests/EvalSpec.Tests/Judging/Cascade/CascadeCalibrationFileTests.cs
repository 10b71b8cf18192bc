using System;
using System.IO;
using EvalSpec.Judging;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Judging.Cascade;

public sealed class CascadeCalibrationFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evalspec-calibration-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        string path = Path.Combine(_folder, CascadeCalibration.FileName);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void A_saved_calibration_loads_back_with_every_field()
    {
        CascadeCalibration fitted = CascadeCalibrator.Fit(CascadeCalibratorTests.Items(300, seed: 1), new (string, System.Collections.Generic.IReadOnlyList<(string, string?)>)[]
        {
            ("cheap", new (string, string?)[] { ("a", "small-1"), ("b", "small-2"), ("c", "small-3") }),
            ("strong", new (string, string?)[] { ("g", "gpt-4") }),
        }, 0.85, 0.1);
        string path = Path.Combine(_folder, CascadeCalibration.FileName);

        fitted.Save(path);
        CascadeCalibration loaded = CascadeCalibration.Load(path);

        loaded.Target.Should().Be(0.85);
        loaded.Risk.Should().Be(0.1);
        loaded.CalibrationItems.Should().Be(300);
        loaded.ExpectedCoverage.Should().Be(fitted.ExpectedCoverage);
        loaded.ExpectedEscalationRate.Should().Be(fitted.ExpectedEscalationRate);
        loaded.Tiers[0].Threshold.Should().Be(fitted.Tiers[0].Threshold);
        loaded.Tiers[1].Judges[0].Model.Should().Be("gpt-4");
        loaded.CreatedAt.Should().Be(fitted.CreatedAt);
        File.ReadAllText(path).Should().Contain("\"expectedCoverage\"").And.Contain("\"model\": \"gpt-4\"").And.Contain("\"createdAt\"");
    }

    [Theory]
    [InlineData("", "*not valid*")]
    [InlineData("   ", "*not valid*")]
    [InlineData("[]", "*not a JSON object*")]
    [InlineData("{\"target\": 0.85}", "*no \"format\" number*")]
    [InlineData("{\"format\": 2, \"target\": 0.85}", "*format 2, written by a newer EvalSpec*")]
    [InlineData("{\"format\": 1, \"target\": 0.85, \"risk\": 0.1, \"tiers\": []}", "*\"tiers\" is missing or empty*")]
    [InlineData("{\"format\": 1, \"target\": 1.5, \"risk\": 0.1, \"tiers\": [{\"name\": \"t\", \"threshold\": 1, \"judges\": [{\"name\": \"a\", \"weight\": 1}]}]}", "*\"target\" is 1.5*")]
    [InlineData("{\"format\": 1, \"target\": 0.85, \"risk\": 0.1, \"tiers\": [{\"name\": \"t\", \"threshold\": 2, \"judges\": [{\"name\": \"a\", \"weight\": 1}]}]}", "*\"threshold\" is 2*")]
    [InlineData("{\"format\": 1, \"target\": 0.85, \"risk\": 0.1, \"tiers\": [{\"name\": \"t\", \"threshold\": 1, \"judges\": [{\"name\": \"a\", \"weight\": -1}]}]}", "*judge 'a' has weight -1*allowInvertedJudges*")]
    [InlineData("{\"format\": 1, \"target\": 0.85, \"risk\": 0.1, \"tiers\": [{\"name\": \"t\", \"threshold\": 1, \"judges\": [{\"name\": \"a\", \"weight\": 1}, {\"name\": \"a\", \"weight\": 1}]}]}", "*judge 'a' appears twice*")]
    [InlineData("{\"format\": 1, \"target\": 0.85, \"risk\": 0.1, \"tiers\": [{\"name\": \"t\", \"threshold\": 1, \"judges\": [{\"name\": \"a\", \"weight\": 1}]}, {\"name\": \"t\", \"threshold\": 1, \"judges\": [{\"name\": \"b\", \"weight\": 1}]}]}", "*tier 't' appears twice*")]
    [InlineData("{\"format\": 1, \"target\": \"0.85\"}", "*not valid*")]
    public void A_hostile_calibration_file_is_refused_naming_the_file_and_the_problem(string json, string message)
    {
        string path = Write(json);

        FluentActions.Invoking(() => CascadeCalibration.Load(path)).Should().Throw<EvalConfigurationException>()
            .WithMessage("*" + CascadeCalibration.FileName + "*").WithMessage(message);
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it() =>
        FluentActions.Invoking(() => CascadeCalibration.Load(Path.Combine(_folder, "nope.json"))).Should().Throw<EvalConfigurationException>().WithMessage("*nope.json cannot be read*");
}
