using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using EvalSpec.Reporting.Gate;
using EvalSpec.Secrets;

namespace EvalSpec.Reporting.Reports;

/// <summary>
/// Writes a run's reports into its folder: <c>report.md</c> (also appended to the file named by
/// <c>GITHUB_STEP_SUMMARY</c> when it is set, so GitHub Actions shows it on the run's page) and the self-contained
/// <c>report.html</c>. Called at the end of every run and by <c>evalspec report</c>. Both are redacted as a whole
/// (<see cref="SecretRedactor"/>) before they are written, whatever the run folder holds.
/// </summary>
internal static class RunReports
{
    public const string MarkdownFileName = "report.md";
    public const string HtmlFileName = "report.html";
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    /// <summary>
    /// Writes the reports of the run in <paramref name="runDirectory"/> (after its summary.json is written), compared
    /// with the baseline at <paramref name="baselinePath"/> when it is given and exists, with the default gate
    /// thresholds and without prices; appends the markdown to <c>$GITHUB_STEP_SUMMARY</c> when it is set.
    /// </summary>
    /// <exception cref="RunDataException">The run folder or its files cannot be read.</exception>
    /// <exception cref="IOException">A report cannot be written.</exception>
    public static RunReportFiles WriteAll(string runDirectory, string? baselinePath) =>
        WriteAll(runDirectory, baselinePath, Environment.GetEnvironmentVariable);

    /// <inheritdoc cref="WriteAll(string, string?)"/>
    /// <param name="runDirectory">The run folder.</param>
    /// <param name="baselinePath">The baseline, or null for no comparison.</param>
    /// <param name="getVariable">Reads environment variables (GITHUB_STEP_SUMMARY).</param>
    public static RunReportFiles WriteAll(string runDirectory, string? baselinePath, Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        return Write(RunData.Load(runDirectory), new ReportOptions { BaselinePath = baselinePath }, getVariable(StepSummaryVariable));
    }

    /// <summary>Writes the reports of <paramref name="run"/> with <paramref name="options"/>; appends to <paramref name="stepSummaryPath"/> when it is not empty.</summary>
    /// <param name="run">The run; the reports name its folder.</param>
    /// <param name="options">What to compare it with.</param>
    /// <param name="stepSummaryPath">A CI step summary file to append the markdown to, or null.</param>
    /// <param name="directory">
    /// The folder to write the files into when it is not yet the run's folder (<c>evalspec merge</c> writes into a staging
    /// folder renamed to the run's folder at the end); null: the run's folder.
    /// </param>
    public static RunReportFiles Write(RunData run, ReportOptions options, string? stepSummaryPath, string? directory = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        RunReportModel model = Model(run, options);
        string markdown = SecretRedactor.Default.Redact(MarkdownReport.Render(model));
        string markdownPath = Path.Combine(directory ?? run.Directory, MarkdownFileName);
        string htmlPath = Path.Combine(directory ?? run.Directory, HtmlFileName);
        WriteFile(markdownPath, markdown);
        WriteFile(htmlPath, SecretRedactor.Default.Redact(HtmlReport.Render(model)));

        string? error = null;
        if (!string.IsNullOrWhiteSpace(stepSummaryPath))
        {
            try
            {
                File.AppendAllText(stepSummaryPath, markdown + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The reports in the run folder are written; a step summary that cannot be appended to must not fail the run.
                error = $"{StepSummaryVariable} ({stepSummaryPath}) cannot be appended to: {ex.Message}";
            }
        }

        return new RunReportFiles(markdownPath, htmlPath, string.IsNullOrWhiteSpace(stepSummaryPath) || error is not null ? null : stepSummaryPath, error, markdown, model.Gate);
    }

    /// <summary>The report model, with the comparison with the baseline when one is given and readable.</summary>
    public static RunReportModel Model(RunData run, ReportOptions options)
    {
        GateResult? gate = null;
        string? note = null;
        Baseline? compared = null;
        if (options.BaselinePath is { } path)
        {
            try
            {
                Baseline baseline = Baseline.Load(path);
                if (baseline.Exists)
                {
                    gate = RegressionGate.Evaluate(baseline, run, options.Gate);
                    compared = baseline;
                }
                else
                {
                    note = $"none at {path}; record one with `evalspec baseline update` (or EVALSPEC_BASELINE=update) to compare runs with it.";
                }
            }
            catch (EvalConfigurationException ex)
            {
                note = ex.Message;
            }
        }

        (RunHistory? history, IReadOnlyDictionary<string, EarlierOutput> earlier) = EarlierRuns.Scan(run, options.History, RowChanges.Compute(run, compared), compared, options.Prices);
        return RunReportModel.Build(run, gate, note, options.Prices, new RunReportExtras { Baseline = compared, EarlierOutputs = earlier, History = history });
    }

    private static void WriteFile(string path, string text)
    {
        string temporary = path + ".tmp";
        File.WriteAllText(temporary, text.Replace("\r\n", "\n", StringComparison.Ordinal), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        File.Move(temporary, path, overwrite: true);
    }
}
