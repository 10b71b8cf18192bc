using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace EvalSpec.Judging;

/// <summary>
/// The calibration of a <see cref="JudgeCascade"/>, as written by <c>evalspec calibrate</c> to
/// <c>evalspec.calibration.json</c>: each tier's confidence threshold, fitted on labelled items by fixed-sequence testing
/// with exact binomial bounds so that the cascade's decisions agree with people at least <see cref="Target"/> of the
/// time, except with probability <see cref="Risk"/>; each judge's weight and model id; and what the thresholds did on the
/// calibration items (coverage, escalations).
/// </summary>
public sealed class CascadeCalibration
{
    /// <summary>The default file name, in the test project folder.</summary>
    public const string FileName = "evalspec.calibration.json";

    /// <summary>
    /// The format this EvalSpec writes and the newest it reads: 2, which records each tier's <see cref="CascadeCalibrationTier.Samples"/>.
    /// Format 1 files (no samples) are still read; their thresholds apply, but no guarantee is claimed.
    /// </summary>
    public const int CurrentFormat = 2;

    /// <summary>The file's format number.</summary>
    public int Format { get; init; } = CurrentFormat;

    /// <summary>When the calibration was fitted (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The agreement with people the thresholds guarantee on decided items, in (0, 1).</summary>
    public double Target { get; init; }

    /// <summary>The allowed probability that the guarantee does not hold, in (0, 1).</summary>
    public double Risk { get; init; }

    /// <summary>How many labelled items the thresholds were fitted on.</summary>
    public int CalibrationItems { get; init; }

    /// <summary>The labels file the items came from, as given to <c>evalspec calibrate</c>.</summary>
    public string? LabelsFile { get; init; }

    /// <summary>The share of the calibration items the cascade decides (the rest it abstains on): the expected coverage.</summary>
    public double ExpectedCoverage { get; init; }

    /// <summary>The share of the calibration items the first tier escalates (asking a later tier, or abstaining).</summary>
    public double ExpectedEscalationRate { get; init; }

    /// <summary>On the calibration items the cascade decides, the share that agree with the label.</summary>
    public double? CalibrationAgreement { get; init; }

    /// <summary>Whether judges at or below chance were allowed a negative (inverted) weight.</summary>
    public bool AllowInvertedJudges { get; init; }

    /// <summary>The tiers, in the cascade's order.</summary>
    public IReadOnlyList<CascadeCalibrationTier> Tiers { get; init; } = Array.Empty<CascadeCalibrationTier>();

    /// <summary>What a person should know: judges at or below chance (set to weight 0), tiers that never decide, skipped items.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = Array.Empty<string>();

    /// <summary>The guarantee the thresholds give.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public CascadeGuarantee Guarantee => new(Target, Risk, CalibrationItems);

    /// <summary>Reads a calibration file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The calibration.</returns>
    /// <exception cref="EvalConfigurationException">The file is missing, not valid JSON, of a newer format, or has an invalid value: the message names the file and the place.</exception>
    public static CascadeCalibration Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EvalConfigurationException($"The cascade calibration {path} cannot be read: {ex.Message} Write it with `evalspec calibrate --labels <file.jsonl>`, or remove the Cascade:CalibrationFile setting.", ex);
        }

        if (Persistence.JsonDuplicateKeys.Find(Encoding.UTF8.GetBytes(text)) is { } duplicate)
        {
            // A key given twice is a merge that kept both sides of a conflict: reading it would silently take the last value,
            // for example a looser threshold than the certified one, while still claiming the guarantee.
            throw new EvalConfigurationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The cascade calibration {path} gives \"{duplicate.Name}\" twice in {duplicate.ObjectPath} (lines {duplicate.FirstLine} and {duplicate.SecondLine}), as after a merge that kept both sides of a conflict. Keep the right one, or write the file again with `evalspec calibrate`."));
        }

        CascadeCalibration? calibration;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new EvalConfigurationException($"The cascade calibration {path} is not a JSON object. Write it again with `evalspec calibrate`.");
            }

            int format = document.RootElement.TryGetProperty("format", out JsonElement f) && f.ValueKind == JsonValueKind.Number && f.TryGetInt32(out int n) ? n : 0;
            if (format < 1)
            {
                throw new EvalConfigurationException($"The cascade calibration {path} has no \"format\" number ({CurrentFormat}). Write it again with `evalspec calibrate`.");
            }

            if (format > CurrentFormat)
            {
                throw new EvalConfigurationException($"The cascade calibration {path} has format {format}, written by a newer EvalSpec (this one reads format {CurrentFormat}). Update EvalSpec.");
            }

            calibration = document.RootElement.Deserialize(CascadeJsonContext.Default.CascadeCalibration);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}") : string.Empty;
            throw new EvalConfigurationException($"The cascade calibration {path} is not valid{where}: {ex.Message} Write it again with `evalspec calibrate`.", ex);
        }

        if (calibration is null)
        {
            throw new EvalConfigurationException($"The cascade calibration {path} is empty. Write it with `evalspec calibrate`.");
        }

        calibration.Validate(path);
        return calibration;
    }

    /// <summary>Writes the calibration to <paramref name="path"/> in one rename (a crash leaves the old file or the new one).</summary>
    /// <param name="path">The file.</param>
    public void Save(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json = JsonSerializer.Serialize(this, CascadeJsonContext.Default.CascadeCalibration).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
        Persistence.AtomicFile.Write(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json));
    }

    /// <summary>A few lines for a person: the guarantee, each tier's threshold and counts, each judge's reliability, the warnings.</summary>
    /// <returns>The text.</returns>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Guarantee: agreement with people >= {Target:0.###} on decided items, risk {Risk:0.###}, from {CalibrationItems} labelled item(s).\n");
        text.Append(CultureInfo.InvariantCulture, $"On the calibration items: coverage {ExpectedCoverage:0.000}, escalated by the first tier {ExpectedEscalationRate:0.000}");
        text.Append(CalibrationAgreement is double agreement ? string.Create(CultureInfo.InvariantCulture, $", agreement on decided items {agreement:0.000}.\n") : ".\n");
        foreach (CascadeCalibrationTier tier in Tiers)
        {
            string threshold = tier.Threshold is double t ? t.ToString("0.000", CultureInfo.InvariantCulture) : "none (never decides)";
            string bound = tier.ErrorUpperBound is double b ? b.ToString("0.000", CultureInfo.InvariantCulture) : "n/a";
            string samples = tier.Samples is int n ? string.Create(CultureInfo.InvariantCulture, $"{n} sample(s) per judge") : "samples per judge not recorded";
            text.Append(CultureInfo.InvariantCulture, $"Tier {tier.Name}: threshold {threshold} ({samples}); reached by {tier.ItemsReached}, decided {tier.Decided} with {tier.Errors} error(s) (error rate bound {bound} at risk {tier.TestedRisk:0.###}).\n");
            foreach (CascadeCalibrationJudge judge in tier.Judges)
            {
                string consistency = judge.PositionConsistency is double c ? c.ToString(", position consistency 0.000", CultureInfo.InvariantCulture) : string.Empty;
                text.Append(CultureInfo.InvariantCulture, $"  {judge.Name}{(judge.Model is null ? string.Empty : " (" + judge.Model + ")")}: accuracy {judge.Accuracy:0.000} [{judge.AccuracyLower:0.000}, {judge.AccuracyUpper:0.000}] over {judge.Votes} vote(s) on {judge.Items} item(s){consistency}, weight {judge.Weight:0.000}.\n");
            }
        }

        foreach (string warning in Warnings)
        {
            text.Append("Warning: ").Append(warning).Append('\n');
        }

        return text.ToString();
    }

    private void Validate(string path)
    {
        var problems = new List<string>();
        if (!(Target > 0 && Target < 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"\"target\" is {Target}; it must be between 0 and 1 (exclusive)"));
        }

        if (!(Risk > 0 && Risk < 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"\"risk\" is {Risk}; it must be between 0 and 1 (exclusive)"));
        }

        if (Tiers is null || Tiers.Count == 0)
        {
            problems.Add("\"tiers\" is missing or empty");
        }
        else
        {
            var tierNames = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < Tiers.Count; i++)
            {
                CascadeCalibrationTier? tier = Tiers[i];
                string where = string.Create(CultureInfo.InvariantCulture, $"tiers[{i}]");
                if (tier is null || string.IsNullOrWhiteSpace(tier.Name))
                {
                    problems.Add($"{where} has no \"name\"");
                    continue;
                }

                if (!tierNames.Add(tier.Name))
                {
                    problems.Add($"{where}: tier '{tier.Name}' appears twice");
                }

                if (tier.Threshold is double t && !(t > 0 && t <= 1))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where} (tier '{tier.Name}'): \"threshold\" is {t}; it must be in (0, 1], or null for a tier that never decides"));
                }

                if (tier.Samples is int samples && samples is < 1 or > 20)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where} (tier '{tier.Name}'): \"samples\" is {samples}; it must be between 1 and 20"));
                }

                if (tier.Judges is null || tier.Judges.Count == 0)
                {
                    problems.Add($"{where} (tier '{tier.Name}') has no \"judges\"");
                    continue;
                }

                var judgeNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (CascadeCalibrationJudge? judge in tier.Judges)
                {
                    if (judge is null || string.IsNullOrWhiteSpace(judge.Name))
                    {
                        problems.Add($"{where} (tier '{tier.Name}') has a judge without a \"name\"");
                    }
                    else if (!judgeNames.Add(judge.Name))
                    {
                        problems.Add($"{where} (tier '{tier.Name}'): judge '{judge.Name}' appears twice");
                    }
                    else if (!double.IsFinite(judge.Weight) || (judge.Weight < 0 && !AllowInvertedJudges))
                    {
                        problems.Add(string.Create(CultureInfo.InvariantCulture, $"{where} (tier '{tier.Name}'): judge '{judge.Name}' has weight {judge.Weight}; weights are finite, and negative only with \"allowInvertedJudges\": true"));
                    }
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new EvalConfigurationException($"The cascade calibration {path} is invalid: {string.Join("; ", problems)}. Write it again with `evalspec calibrate`.");
        }
    }
}
