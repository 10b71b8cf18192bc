using System;
using System.IO;
using System.Linq;
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
        loaded.Format.Should().Be(CascadeCalibration.CurrentFormat);
        loaded.Tiers.Select(t => t.Samples).Should().Equal(fitted.Tiers.Select(t => t.Samples));
        fitted.Tiers[0].Samples.Should().NotBeNull();
        loaded.CreatedAt.Should().Be(fitted.CreatedAt);
        File.ReadAllText(path).Should().Contain("\"expectedCoverage\"").And.Contain("\"model\": \"gpt-4\"").And.Contain("\"createdAt\"");
    }

    [Theory]
    [InlineData("", "*not valid*")]
    [InlineData("   ", "*not valid*")]
    [InlineData("[]", "*not a JSON object*")]
    [InlineData("{\"target\": 0.85}", "*no \"format\" number*")]
    [InlineData("{\"format\": 3, \"target\": 0.85}", "*format 3, written by a newer EvalSpec*")]
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

    // Two teammates calibrated; a merge kept both "threshold" lines. The baseline refuses a key given twice ("as after a
    // merge that kept both sides") and the recordings refuse two entries with one key, but the calibration silently takes
    // the last value: here the looser 0.55 instead of the certified 1, and the cascade still claims its guarantee.
    [Fact]
    public void A_calibration_file_with_a_key_given_twice_is_refused_naming_the_file_the_key_and_both_lines()
    {
        string path = Path.Combine(_folder, CascadeCalibration.FileName);
        File.WriteAllText(path, """
            {
              "format": 1,
              "target": 0.85,
              "risk": 0.1,
              "calibrationItems": 400,
              "tiers": [
                {
                  "name": "cheap",
                  "threshold": 1,
                  "threshold": 0.55,
                  "judges": [ { "name": "a", "model": "model-1", "weight": 1 }, { "name": "b", "model": "model-1", "weight": 1 } ]
                }
              ]
            }
            """);

        FluentActions.Invoking(() => CascadeCalibration.Load(path)).Should().Throw<EvalConfigurationException>()
            .WithMessage($"*{path} gives \"threshold\" twice in $*(lines 9 and 10)*evalspec calibrate*");
    }
}
