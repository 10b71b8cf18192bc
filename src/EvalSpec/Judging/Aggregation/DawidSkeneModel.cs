using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace EvalSpec.Judging;

/// <summary>
/// The Dawid-Skene model of a panel (Dawid &amp; Skene 1979, "Maximum likelihood estimation of observer
/// error-rates using the EM algorithm", Applied Statistics 28(1), 20–28), for binary pass/fail truth: each
/// output truly passes with probability <see cref="PriorPass"/>, and each judge answers according to its own
/// 2×2 confusion matrix (<see cref="JudgeConfusion"/>: sensitivity and specificity), independently of the other
/// judges given the truth. The posterior that an output passes combines the verdicts with Bayes' rule, so a
/// reliable judge counts for more than a noisy one, and a judge that passes everything counts for little when
/// it passes.
/// </summary>
/// <remarks>
/// <para>
/// Inconclusive verdicts are missing data: they carry no evidence, and the model assumes a judge's abstaining
/// does not depend on the truth. Judges the model does not know are ignored.
/// </para>
/// <para>
/// Fit the model from calibration items labelled by people (<see cref="Fit(IEnumerable{LabelledJudgement}, bool)"/>:
/// maximum likelihood with add-one smoothing), or from unlabelled panel verdicts
/// (<see cref="Fit(IEnumerable{IReadOnlyList{Verdict}}, int, double, bool)"/>: expectation-maximisation). Both estimate
/// every probability as (count + 1) / (total + 2), which keeps them strictly between 0 and 1, so one verdict
/// is never taken as proof.
/// </para>
/// <para>
/// Log posterior odds = ln(π / (1 − π)) + Σ over deciding judges of ln(sensitivity / (1 − specificity)) for a
/// pass and ln((1 − sensitivity) / specificity) for a fail. With sensitivity = specificity = p for every judge
/// and π = 0.5, this is <see cref="WeightedMajorityAggregator"/> with <see cref="ReliabilityWeights.FromAccuracy"/>
/// weights.
/// </para>
/// <para>
/// A fit never lets a judge count against its own verdicts unless asked to: a judge fitted at or below chance
/// (sensitivity + specificity ≤ 1, which would make its pass evidence for a fail) is <see cref="JudgeConfusion.Ignored"/>
/// (its verdicts carry no evidence) and named in <see cref="Warnings"/>; pass <c>allowInvertedJudges: true</c> to keep the
/// inverted evidence. A model built from given parameters uses them as given.
/// </para>
/// </remarks>
public sealed class DawidSkeneModel
{
    /// <summary>Creates a model from known parameters (for example, saved from an earlier fit).</summary>
    /// <param name="priorPass">P(an output truly passes), strictly between 0 and 1.</param>
    /// <param name="judges">Each judge's confusion matrix, by judge name (ordinal comparison).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorPass"/> is not strictly between 0 and 1.</exception>
    /// <exception cref="ArgumentException">A confusion matrix is missing (null).</exception>
    public DawidSkeneModel(double priorPass, IReadOnlyDictionary<string, JudgeConfusion> judges)
        : this(priorPass, judges, null)
    {
    }

    private DawidSkeneModel(double priorPass, IReadOnlyDictionary<string, JudgeConfusion> judges, DawidSkeneFitReport? fitReport, IReadOnlyList<string>? warnings = null)
    {
        ArgumentNullException.ThrowIfNull(judges);
        if (!(priorPass > 0 && priorPass < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(priorPass), priorPass, "The prior probability of a pass must be strictly between 0 and 1.");
        }

        var copy = new Dictionary<string, JudgeConfusion>(judges.Count, StringComparer.Ordinal);
        foreach (KeyValuePair<string, JudgeConfusion> judge in judges)
        {
            copy.Add(judge.Key, judge.Value ?? throw new ArgumentException($"Judge '{judge.Key}' has no confusion matrix.", nameof(judges)));
        }

        PriorPass = priorPass;
        Judges = new ReadOnlyDictionary<string, JudgeConfusion>(copy);
        FitReport = fitReport;
        Warnings = warnings ?? Array.Empty<string>();
    }

    /// <summary>P(an output truly passes) before any verdict is seen: the class prior.</summary>
    public double PriorPass { get; }

    /// <summary>Each judge's confusion matrix, by judge name.</summary>
    public IReadOnlyDictionary<string, JudgeConfusion> Judges { get; }

    /// <summary>How the model was fitted; <see langword="null"/> when it was created from given parameters.</summary>
    public DawidSkeneFitReport? FitReport { get; }

    /// <summary>
    /// One line per judge the fit found at or below chance and ignored (see <see cref="JudgeConfusion.Ignored"/>), naming
    /// the judge, its accuracy on the labelled items with its Wilson interval (a labelled fit) or its fitted sensitivity and
    /// specificity (EM); empty when there are none.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// Fits the model to calibration items whose correct outcome is known: maximum likelihood with add-one
    /// (Laplace) smoothing. The prior is (passing items + 1) / (items + 2); a judge's sensitivity is (truly
    /// passing items it passed + 1) / (truly passing items it decided + 2), and its specificity likewise on the
    /// truly failing items. Abstentions are left out of the judge's counts.
    /// </summary>
    /// <param name="calibration">The labelled items; judges are identified by <see cref="Verdict.Judge"/>.</param>
    /// <param name="allowInvertedJudges">
    /// Whether a judge fitted at or below chance keeps its inverted evidence (its pass counting for a fail); default false:
    /// it is <see cref="JudgeConfusion.Ignored"/> and named in <see cref="Warnings"/>.
    /// </param>
    /// <returns>The fitted model; its <see cref="FitReport"/> has 0 iterations and is converged.</returns>
    /// <exception cref="ArgumentException">There are no items, or an item has two verdicts from one judge.</exception>
    public static DawidSkeneModel Fit(IEnumerable<LabelledJudgement> calibration, bool allowInvertedJudges = false)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        LabelledJudgement[] items = calibration.ToArray();
        if (items.Length == 0)
        {
            throw new ArgumentException("There are no calibration items to fit the model to.", nameof(calibration));
        }

        if (Array.IndexOf(items, null) is int missing and >= 0)
        {
            throw new ArgumentException($"Calibration item {missing} is null.", nameof(calibration));
        }

        var data = PanelData.From(items.Select(item => item.Verdicts), nameof(calibration), keepUndecidedItems: true);
        double[] truth = items.Select(item => item.TrueOutcome == VerdictOutcome.Pass ? 1.0 : 0.0).ToArray();

        Parameters parameters = data.MaximiseExpectedLikelihood(truth);
        return parameters.ToModel(data, new DawidSkeneFitReport(data.Items.Count, 0, true, data.LogLikelihood(parameters)), allowInvertedJudges, truth);
    }

    /// <summary>
    /// Fits the model to unlabelled panel verdicts by expectation-maximisation (Dawid &amp; Skene 1979). Each
    /// item's probability of passing starts as its share of passing votes (the majority vote, kept soft); then
    /// the M-step estimates the prior and confusion matrices from those probabilities (with add-one smoothing),
    /// and the E-step recomputes each item's posterior from them, until no parameter moves more than
    /// <paramref name="tolerance"/> or <paramref name="maxIterations"/> is reached.
    /// </summary>
    /// <remarks>
    /// Items on which no judge decided carry no information and are skipped. Like every latent-class fit, EM
    /// finds a local maximum and cannot tell "pass" from "fail" by itself: starting from the majority vote
    /// assumes the judges are, on the whole, better than chance. Check <see cref="DawidSkeneFitReport.Converged"/>.
    /// </remarks>
    /// <param name="judgements">One list of verdicts per judged output (at most one verdict per judge).</param>
    /// <param name="maxIterations">
    /// The most EM iterations to run; at least 1. EM converges slowly when judges are weak (hundreds of
    /// iterations for three judges), and an iteration is cheap: one pass over the verdicts.
    /// </param>
    /// <param name="tolerance">Convergence threshold on the largest change of any probability; positive.</param>
    /// <param name="allowInvertedJudges">
    /// Whether a judge fitted at or below chance (against the fitted truth) keeps its inverted evidence; default false: it
    /// is <see cref="JudgeConfusion.Ignored"/> and named in <see cref="Warnings"/>.
    /// </param>
    /// <returns>The fitted model, with a <see cref="FitReport"/> saying whether EM converged.</returns>
    /// <exception cref="ArgumentException">No item has a deciding verdict, or an item has two verdicts from one judge.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxIterations"/> or <paramref name="tolerance"/> is out of range.</exception>
    public static DawidSkeneModel Fit(IEnumerable<IReadOnlyList<Verdict>> judgements, int maxIterations = 1000, double tolerance = 1e-6, bool allowInvertedJudges = false)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "EM needs at least one iteration.");
        }

        if (!(tolerance > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a positive number.");
        }

        var data = PanelData.From(judgements, nameof(judgements), keepUndecidedItems: false);
        if (data.Items.Count == 0)
        {
            throw new ArgumentException("No item has a pass or fail verdict; there is nothing to fit the model to.", nameof(judgements));
        }

        double[] passProbability = data.Items.Select(item => item.Count(v => v.SaysPass) / (double)item.Length).ToArray();
        Parameters parameters = data.MaximiseExpectedLikelihood(passProbability);
        int iterations = 0;
        bool converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            data.Posteriors(parameters, passProbability);
            Parameters next = data.MaximiseExpectedLikelihood(passProbability);
            converged = next.LargestChangeFrom(parameters) < tolerance;
            parameters = next;
        }

        return parameters.ToModel(data, new DawidSkeneFitReport(data.Items.Count, iterations, converged, data.LogLikelihood(parameters)), allowInvertedJudges, truth: null);
    }

    /// <summary>
    /// The posterior probability that the output passes, given the verdicts: Bayes' rule with the prior and
    /// each deciding judge's confusion matrix. Inconclusive verdicts and judges the model does not know are
    /// ignored; with no evidence left, the result is <see cref="PriorPass"/>.
    /// </summary>
    /// <param name="verdicts">The panel's verdicts on one output (at most one per judge).</param>
    /// <returns>P(pass | verdicts), in (0, 1).</returns>
    /// <exception cref="ArgumentException">Two verdicts come from the same judge.</exception>
    public double PosteriorPass(IReadOnlyList<Verdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        double logOdds = Math.Log(PriorPass / (1 - PriorPass));
        foreach (Verdict verdict in verdicts)
        {
            if (!seen.Add(verdict.Judge))
            {
                throw new ArgumentException($"Judge '{verdict.Judge}' gave two verdicts on one output.", nameof(verdicts));
            }

            if (verdict.Outcome != VerdictOutcome.Inconclusive && Judges.TryGetValue(verdict.Judge, out JudgeConfusion? confusion))
            {
                logOdds += confusion.LogLikelihoodRatio(verdict.Outcome == VerdictOutcome.Pass);
            }
        }

        return Logistic(logOdds);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Dawid-Skene: P(pass) {PriorPass:0.000}; {string.Join("; ", Judges.Select(j => $"{j.Key} sensitivity {j.Value.Sensitivity:0.000}, specificity {j.Value.Specificity:0.000}"))}");

    private static double Logistic(double logOdds) =>
        logOdds >= 0 ? 1 / (1 + Math.Exp(-logOdds)) : Math.Exp(logOdds) / (1 + Math.Exp(logOdds));

    private static double Smoothed(double count, double total) => (count + 1) / (total + 2);

    /// <summary>One deciding verdict, encoded: which judge, and whether it passed.</summary>
    private readonly record struct Vote(int Judge, bool SaysPass);

    /// <summary>The prior and each judge's sensitivity and specificity, by judge index.</summary>
    private sealed record Parameters(double PriorPass, double[] Sensitivity, double[] Specificity)
    {
        public double LargestChangeFrom(Parameters previous)
        {
            double change = Math.Abs(PriorPass - previous.PriorPass);
            for (int j = 0; j < Sensitivity.Length; j++)
            {
                change = Math.Max(change, Math.Max(Math.Abs(Sensitivity[j] - previous.Sensitivity[j]), Math.Abs(Specificity[j] - previous.Specificity[j])));
            }

            return change;
        }

        /// <summary>ln P(vote | truly passes) and ln P(vote | truly fails).</summary>
        public (double IfPass, double IfFail) LogProbabilities(Vote vote) => vote.SaysPass
            ? (Math.Log(Sensitivity[vote.Judge]), Math.Log(1 - Specificity[vote.Judge]))
            : (Math.Log(1 - Sensitivity[vote.Judge]), Math.Log(Specificity[vote.Judge]));

        /// <summary>The model of these parameters; judges at or below chance are ignored unless <paramref name="allowInvertedJudges"/>.</summary>
        /// <param name="data">The verdicts fitted on.</param>
        /// <param name="report">How the fit went.</param>
        /// <param name="allowInvertedJudges">Whether judges at or below chance keep their inverted evidence.</param>
        /// <param name="truth">The labels (1 pass, 0 fail) of a labelled fit, for the warnings' accuracies; null for EM.</param>
        public DawidSkeneModel ToModel(PanelData data, DawidSkeneFitReport report, bool allowInvertedJudges, double[]? truth)
        {
            var judges = new Dictionary<string, JudgeConfusion>(data.Judges.Count, StringComparer.Ordinal);
            var warnings = new List<string>();
            for (int j = 0; j < data.Judges.Count; j++)
            {
                var confusion = new JudgeConfusion(Sensitivity[j], Specificity[j]) { Items = data.DecidedBy[j] };
                if (confusion.Informedness <= 0 && !allowInvertedJudges)
                {
                    confusion = confusion with { Ignored = true };
                    warnings.Add(IgnoredWarning(data, j, confusion, truth));
                }

                judges.Add(data.Judges[j], confusion);
            }

            return new DawidSkeneModel(PriorPass, judges, report, warnings);
        }

        private static string IgnoredWarning(PanelData data, int judge, JudgeConfusion confusion, double[]? truth)
        {
            string rates = string.Create(CultureInfo.InvariantCulture, $"sensitivity {confusion.Sensitivity:0.000} + specificity {confusion.Specificity:0.000} <= 1");
            if (truth is null)
            {
                return $"Judge '{data.Judges[judge]}' is at or below chance against the fitted truth ({rates}, over {confusion.Items} decided items): its verdicts are ignored (weight 0). Pass allowInvertedJudges: true to count them for the opposite outcome.";
            }

            int correct = 0;
            for (int i = 0; i < data.Items.Count; i++)
            {
                foreach (Vote vote in data.Items[i])
                {
                    if (vote.Judge == judge && vote.SaysPass == (truth[i] > 0.5))
                    {
                        correct++;
                    }
                }
            }

            int decided = data.DecidedBy[judge];
            Statistics.ConfidenceInterval interval = Statistics.WilsonInterval.Compute(correct, decided);
            double accuracy = decided == 0 ? 0 : (double)correct / decided;
            return string.Create(
                CultureInfo.InvariantCulture,
                $"Judge '{data.Judges[judge]}' is at or below chance on the calibration items: accuracy {accuracy:0.000} {interval} over {decided} decided items ({rates}): its verdicts are ignored (weight 0). Pass allowInvertedJudges: true to count them for the opposite outcome.");
        }
    }

    /// <summary>Panel verdicts encoded as votes by judge index; judges in order of first appearance.</summary>
    private sealed class PanelData
    {
        private PanelData(List<string> judges, List<Vote[]> items, int[] decidedBy)
        {
            Judges = judges;
            Items = items;
            DecidedBy = decidedBy;
        }

        public List<string> Judges { get; }

        public List<Vote[]> Items { get; }

        public int[] DecidedBy { get; }

        public static PanelData From(IEnumerable<IReadOnlyList<Verdict>> judgements, string parameterName, bool keepUndecidedItems)
        {
            var judges = new List<string>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var items = new List<Vote[]>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            int position = 0;
            foreach (IReadOnlyList<Verdict> verdicts in judgements)
            {
                if (verdicts is null)
                {
                    throw new ArgumentException($"Item {position} has no verdict list.", parameterName);
                }

                seen.Clear();
                var votes = new List<Vote>(verdicts.Count);
                foreach (Verdict verdict in verdicts)
                {
                    if (!seen.Add(verdict.Judge))
                    {
                        throw new ArgumentException($"Item {position} has two verdicts from judge '{verdict.Judge}'.", parameterName);
                    }

                    if (!index.TryGetValue(verdict.Judge, out int judge))
                    {
                        judge = judges.Count;
                        index.Add(verdict.Judge, judge);
                        judges.Add(verdict.Judge);
                    }

                    if (verdict.Outcome != VerdictOutcome.Inconclusive)
                    {
                        votes.Add(new Vote(judge, verdict.Outcome == VerdictOutcome.Pass));
                    }
                }

                if (votes.Count > 0 || keepUndecidedItems)
                {
                    items.Add(votes.ToArray());
                }

                position++;
            }

            int[] decidedBy = new int[judges.Count];
            foreach (Vote vote in items.SelectMany(item => item))
            {
                decidedBy[vote.Judge]++;
            }

            return new PanelData(judges, items, decidedBy);
        }

        /// <summary>The M-step (or, with 0/1 probabilities, the labelled fit): smoothed expected counts.</summary>
        public Parameters MaximiseExpectedLikelihood(double[] passProbability)
        {
            double[] passSaysPass = new double[Judges.Count], passDecided = new double[Judges.Count];
            double[] failSaysFail = new double[Judges.Count], failDecided = new double[Judges.Count];
            for (int i = 0; i < Items.Count; i++)
            {
                double pass = passProbability[i], fail = 1 - pass;
                foreach (Vote vote in Items[i])
                {
                    passDecided[vote.Judge] += pass;
                    failDecided[vote.Judge] += fail;
                    if (vote.SaysPass)
                    {
                        passSaysPass[vote.Judge] += pass;
                    }
                    else
                    {
                        failSaysFail[vote.Judge] += fail;
                    }
                }
            }

            double[] sensitivity = new double[Judges.Count], specificity = new double[Judges.Count];
            for (int j = 0; j < Judges.Count; j++)
            {
                sensitivity[j] = Smoothed(passSaysPass[j], passDecided[j]);
                specificity[j] = Smoothed(failSaysFail[j], failDecided[j]);
            }

            return new Parameters(Smoothed(passProbability.Sum(), Items.Count), sensitivity, specificity);
        }

        /// <summary>The E-step: each item's posterior probability of passing, written into <paramref name="passProbability"/>.</summary>
        public void Posteriors(Parameters parameters, double[] passProbability)
        {
            for (int i = 0; i < Items.Count; i++)
            {
                (double ifPass, double ifFail) = Joint(parameters, Items[i]);
                passProbability[i] = Logistic(ifPass - ifFail);
            }
        }

        public double LogLikelihood(Parameters parameters)
        {
            double total = 0;
            foreach (Vote[] item in Items)
            {
                (double ifPass, double ifFail) = Joint(parameters, item);
                double max = Math.Max(ifPass, ifFail);
                total += max + Math.Log(Math.Exp(ifPass - max) + Math.Exp(ifFail - max));
            }

            return total;
        }

        /// <summary>ln P(truly passes, votes) and ln P(truly fails, votes).</summary>
        private static (double IfPass, double IfFail) Joint(Parameters parameters, Vote[] item)
        {
            double ifPass = Math.Log(parameters.PriorPass), ifFail = Math.Log(1 - parameters.PriorPass);
            foreach (Vote vote in item)
            {
                (double pass, double fail) = parameters.LogProbabilities(vote);
                ifPass += pass;
                ifFail += fail;
            }

            return (ifPass, ifFail);
        }
    }
}
