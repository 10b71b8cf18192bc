using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using EvalSpec.Judging;

namespace EvalSpec.Cli.Calibrating;

/// <summary>
/// <c>evalspec calibrate --labels &lt;file.jsonl&gt; --target 0.85 --risk 0.1</c>: fits a cascade's thresholds on labelled items by
/// fixed-sequence testing with exact binomial bounds (<see cref="CascadeCalibrator"/>) and writes <c>evalspec.calibration.json</c>.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create(CommandContext context)
    {
        var labels = new Option<string>("--labels") { Description = "The labels file: review.jsonl lines with a \"label\" (pass or fail), as `evalspec review --import` writes it.", HelpName = "file.jsonl", Required = true };
        var target = new Option<double>("--target") { Description = "The agreement with people to guarantee on the rows the cascade decides, in (0, 1).", HelpName = "agreement", DefaultValueFactory = _ => 0.85 };
        var risk = new Option<double>("--risk") { Description = "The allowed probability that the guarantee fails, in (0, 1).", HelpName = "probability", DefaultValueFactory = _ => 0.1 };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the calibration (default evalspec.calibration.json, in the test project folder, where runs look for it).", HelpName = "path", DefaultValueFactory = _ => CascadeCalibration.FileName };
        var minItems = new Option<int>("--min-items") { Description = "The fewest labelled items each judge must have voted on (default 30); fewer is an error.", HelpName = "n", DefaultValueFactory = _ => JudgeCalibration.DefaultMinimumItemsPerJudge };
        var minDecided = new Option<int>("--min-decided") { Description = "The fewest items a candidate threshold must decide to be tested (default 30).", HelpName = "n", DefaultValueFactory = _ => CascadeCalibrator.DefaultMinimumDecided };
        var allowInverted = new Option<bool>("--allow-inverted-judges") { Description = "Give judges at or below chance a negative weight instead of 0 (only if they will stay wrong in the same way)." };

        var command = new Command("calibrate", "Fit a judge cascade's confidence thresholds on labelled items so that its decisions agree with people at a guaranteed level; writes evalspec.calibration.json.")
        {
            labels, target, risk, output, minItems, minDecided, allowInverted,
        };
        target.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var t && !(t > 0 && t < 1))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--target must be between 0 and 1, exclusive (got {t}); for example 0.85."));
            }
        });
        risk.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var r && !(r > 0 && r < 1))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--risk must be between 0 and 1, exclusive (got {r}); for example 0.1."));
            }
        });
        foreach (Option<int> minimum in new[] { minItems, minDecided })
        {
            minimum.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{minimum.Name} must be at least 1.");
                }
            });
        }

        command.SetAction(async (parsed, cancellationToken) =>
        {
            string labelsPath = parsed.GetValue(labels)!;
            if (!File.Exists(labelsPath))
            {
                throw new CliInputException($"The labels file {labelsPath} does not exist. Write it with `evalspec review <run folder> --import <labels.csv> --labels {labelsPath}`.");
            }

            IReadOnlyList<ReviewItem> read = ReviewQueue.Read(labelsPath);
            int excluded = ReviewQueue.NotRepresentative(read);
            var (items, shape, cascade) = ReviewQueue.ToCalibration(read, labelsPath);
            var options = new CalibrationOptions
            {
                MinimumItemsPerJudge = parsed.GetValue(minItems),
                MinimumDecided = parsed.GetValue(minDecided),
                AllowInvertedJudges = parsed.GetValue(allowInverted),
            };
            CascadeCalibration fitted = CascadeCalibrator.Fit(items, shape, parsed.GetValue(target), parsed.GetValue(risk), options);
            var calibration = new CascadeCalibration
            {
                CreatedAt = context.Environment.Time.GetUtcNow(),
                Target = fitted.Target,
                Risk = fitted.Risk,
                CalibrationItems = fitted.CalibrationItems,
                LabelsFile = labelsPath,
                ExpectedCoverage = fitted.ExpectedCoverage,
                ExpectedEscalationRate = fitted.ExpectedEscalationRate,
                CalibrationAgreement = fitted.CalibrationAgreement,
                AllowInvertedJudges = fitted.AllowInvertedJudges,
                Tiers = fitted.Tiers,
                Warnings = excluded == 0
                    ? fitted.Warnings
                    : fitted.Warnings.Append(Excluded(excluded)).ToArray(),
            };
            string outputPath = parsed.GetValue(output)!;
            calibration.Save(outputPath);
            await context.Output.WriteLineAsync($"Cascade '{cascade}' calibrated on {items.Count} labelled item(s) from {labelsPath}.").ConfigureAwait(false);
            await context.Output.WriteAsync(calibration.Describe()).ConfigureAwait(false);
            await context.Output.WriteLineAsync($"Written to {outputPath}. Runs use it when it is in the test project folder (or set Cascade:CalibrationFile in evalspec.json).").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Excluded(int excluded) => string.Create(
        CultureInfo.InvariantCulture,
        $"{excluded} labelled item(s) were left out: rows queued because the cascade abstained or was contested, chosen by its own uncertainty and not a representative sample, so they cannot certify a threshold. {ReviewQueue.HowToCollect}");
}
