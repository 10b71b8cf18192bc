using System.Linq;
using System.Reflection;
using EvalSpec.Recording;
using EvalSpec.Reporting.Reports;
using FluentAssertions;
using Xunit;

namespace EvalSpec.Tests.Reporting;

/// <summary>summary.json's recording section is mapped field by field from the run's recording statistics: none may be left behind.</summary>
public sealed class RecordingSectionTests
{
    [Fact]
    public void Every_recording_figure_of_the_run_has_a_field_in_the_summary()
    {
        string[] section = typeof(RunSummaryFile.RecordingSection).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();
        string[] figures = typeof(RecordingStatistics).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "EqualityContract")
            .Select(p => p.Name)
            .ToArray();

        figures.Except(section).Should().BeEmpty("a figure the recordings count but summary.json does not carry is lost from every run's summary");
    }
}
