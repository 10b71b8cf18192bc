using System.Threading.Tasks;
using EvalSpec;
using EvalSpec.Judging;

namespace JudgeCalibration;

/// <summary>
/// Before trusting judges, measure them against human labels: each row asks a judge (or the panel) which of two
/// outputs follows the instruction better and compares the answer with the people's. Each method's pass rate
/// is that judge's accuracy under the MT-Bench rule (a tie or an inconsistent pair of orders counts as wrong);
/// the run summary (TestResults/evalspec/&lt;run&gt;/summary.json) adds the judges' agreement (Cohen's and
/// Fleiss' kappa, Krippendorff's alpha) and their position and verbosity bias.
/// </summary>
public partial class CalibrationEvals
{
    private static readonly IJudge ChatGpt = Judge("ChatGPT");
    private static readonly IJudge Llama2 = Judge("LLaMA2");
    private static readonly IJudge Palm2 = Judge("PaLM2");
    private static readonly JudgePanel Panel = new("panel", new[] { ChatGpt, Llama2, Palm2 });

    /// <summary>The majority of the three judges.</summary>
    [Eval]
    [Case("natural-000", Expected = "output 1")]
    [Case("natural-001", Expected = "output 1")]
    [Case("natural-002", Expected = "output 1")]
    [Case("natural-003", Expected = "output 1")]
    [Case("natural-004", Expected = "output 2")]
    [Case("natural-005", Expected = "output 1")]
    [Case("natural-006", Expected = "output 1")]
    [Case("natural-007", Expected = "output 2")]
    [Case("natural-008", Expected = "output 1")]
    [Case("natural-009", Expected = "output 2")]
    [Case("neighbor-000", Expected = "output 2")]
    [Case("neighbor-001", Expected = "output 2")]
    [Case("neighbor-002", Expected = "output 1")]
    [Case("neighbor-003", Expected = "output 2")]
    [Case("neighbor-004", Expected = "output 2")]
    [Case("neighbor-005", Expected = "output 2")]
    [Case("neighbor-006", Expected = "output 2")]
    [Case("neighbor-007", Expected = "output 2")]
    [Case("neighbor-008", Expected = "output 2")]
    [Case("neighbor-009", Expected = "output 1")]
    [Case("gptinst-000", Expected = "output 2")]
    [Case("gptinst-001", Expected = "output 2")]
    [Case("gptinst-002", Expected = "output 1")]
    [Case("gptinst-003", Expected = "output 2")]
    [Case("gptinst-004", Expected = "output 2")]
    [Case("gptinst-005", Expected = "output 2")]
    [Case("gptinst-006", Expected = "output 2")]
    [Case("gptinst-007", Expected = "output 2")]
    [Case("gptinst-008", Expected = "output 2")]
    [Case("gptinst-009", Expected = "output 1")]
    [Case("gptout-000", Expected = "output 2")]
    [Case("gptout-001", Expected = "output 2")]
    [Case("gptout-002", Expected = "output 1")]
    [Case("gptout-003", Expected = "output 2")]
    [Case("gptout-004", Expected = "output 2")]
    [Case("gptout-005", Expected = "output 2")]
    [Case("gptout-006", Expected = "output 2")]
    [Case("gptout-007", Expected = "output 2")]
    [Case("gptout-008", Expected = "output 2")]
    [Case("gptout-009", Expected = "output 1")]
    [Case("manual-000", Expected = "output 2")]
    [Case("manual-001", Expected = "output 2")]
    [Case("manual-002", Expected = "output 1")]
    [Case("manual-003", Expected = "output 2")]
    [Case("manual-004", Expected = "output 2")]
    [Case("manual-005", Expected = "output 2")]
    [Case("manual-006", Expected = "output 2")]
    [Case("manual-007", Expected = "output 2")]
    [Case("manual-008", Expected = "output 2")]
    [Case("manual-009", Expected = "output 1")]
    public Task<string> PanelAgreesWithPeople(EvalInput input, string item) => DecideAsync(Panel, item, input);

    /// <summary>ChatGPT alone.</summary>
    [Eval]
    [Case("natural-000", Expected = "output 1")]
    [Case("natural-001", Expected = "output 1")]
    [Case("natural-002", Expected = "output 1")]
    [Case("natural-003", Expected = "output 1")]
    [Case("natural-004", Expected = "output 2")]
    [Case("natural-005", Expected = "output 1")]
    [Case("natural-006", Expected = "output 1")]
    [Case("natural-007", Expected = "output 2")]
    [Case("natural-008", Expected = "output 1")]
    [Case("natural-009", Expected = "output 2")]
    [Case("neighbor-000", Expected = "output 2")]
    [Case("neighbor-001", Expected = "output 2")]
    [Case("neighbor-002", Expected = "output 1")]
    [Case("neighbor-003", Expected = "output 2")]
    [Case("neighbor-004", Expected = "output 2")]
    [Case("neighbor-005", Expected = "output 2")]
    [Case("neighbor-006", Expected = "output 2")]
    [Case("neighbor-007", Expected = "output 2")]
    [Case("neighbor-008", Expected = "output 2")]
    [Case("neighbor-009", Expected = "output 1")]
    [Case("gptinst-000", Expected = "output 2")]
    [Case("gptinst-001", Expected = "output 2")]
    [Case("gptinst-002", Expected = "output 1")]
    [Case("gptinst-003", Expected = "output 2")]
    [Case("gptinst-004", Expected = "output 2")]
    [Case("gptinst-005", Expected = "output 2")]
    [Case("gptinst-006", Expected = "output 2")]
    [Case("gptinst-007", Expected = "output 2")]
    [Case("gptinst-008", Expected = "output 2")]
    [Case("gptinst-009", Expected = "output 1")]
    [Case("gptout-000", Expected = "output 2")]
    [Case("gptout-001", Expected = "output 2")]
    [Case("gptout-002", Expected = "output 1")]
    [Case("gptout-003", Expected = "output 2")]
    [Case("gptout-004", Expected = "output 2")]
    [Case("gptout-005", Expected = "output 2")]
    [Case("gptout-006", Expected = "output 2")]
    [Case("gptout-007", Expected = "output 2")]
    [Case("gptout-008", Expected = "output 2")]
    [Case("gptout-009", Expected = "output 1")]
    [Case("manual-000", Expected = "output 2")]
    [Case("manual-001", Expected = "output 2")]
    [Case("manual-002", Expected = "output 1")]
    [Case("manual-003", Expected = "output 2")]
    [Case("manual-004", Expected = "output 2")]
    [Case("manual-005", Expected = "output 2")]
    [Case("manual-006", Expected = "output 2")]
    [Case("manual-007", Expected = "output 2")]
    [Case("manual-008", Expected = "output 2")]
    [Case("manual-009", Expected = "output 1")]
    public Task<string> ChatGptAgreesWithPeople(EvalInput input, string item) => DecideAsync(Single(ChatGpt), item, input);

    /// <summary>LLaMA2 alone.</summary>
    [Eval]
    [Case("natural-000", Expected = "output 1")]
    [Case("natural-001", Expected = "output 1")]
    [Case("natural-002", Expected = "output 1")]
    [Case("natural-003", Expected = "output 1")]
    [Case("natural-004", Expected = "output 2")]
    [Case("natural-005", Expected = "output 1")]
    [Case("natural-006", Expected = "output 1")]
    [Case("natural-007", Expected = "output 2")]
    [Case("natural-008", Expected = "output 1")]
    [Case("natural-009", Expected = "output 2")]
    [Case("neighbor-000", Expected = "output 2")]
    [Case("neighbor-001", Expected = "output 2")]
    [Case("neighbor-002", Expected = "output 1")]
    [Case("neighbor-003", Expected = "output 2")]
    [Case("neighbor-004", Expected = "output 2")]
    [Case("neighbor-005", Expected = "output 2")]
    [Case("neighbor-006", Expected = "output 2")]
    [Case("neighbor-007", Expected = "output 2")]
    [Case("neighbor-008", Expected = "output 2")]
    [Case("neighbor-009", Expected = "output 1")]
    [Case("gptinst-000", Expected = "output 2")]
    [Case("gptinst-001", Expected = "output 2")]
    [Case("gptinst-002", Expected = "output 1")]
    [Case("gptinst-003", Expected = "output 2")]
    [Case("gptinst-004", Expected = "output 2")]
    [Case("gptinst-005", Expected = "output 2")]
    [Case("gptinst-006", Expected = "output 2")]
    [Case("gptinst-007", Expected = "output 2")]
    [Case("gptinst-008", Expected = "output 2")]
    [Case("gptinst-009", Expected = "output 1")]
    [Case("gptout-000", Expected = "output 2")]
    [Case("gptout-001", Expected = "output 2")]
    [Case("gptout-002", Expected = "output 1")]
    [Case("gptout-003", Expected = "output 2")]
    [Case("gptout-004", Expected = "output 2")]
    [Case("gptout-005", Expected = "output 2")]
    [Case("gptout-006", Expected = "output 2")]
    [Case("gptout-007", Expected = "output 2")]
    [Case("gptout-008", Expected = "output 2")]
    [Case("gptout-009", Expected = "output 1")]
    [Case("manual-000", Expected = "output 2")]
    [Case("manual-001", Expected = "output 2")]
    [Case("manual-002", Expected = "output 1")]
    [Case("manual-003", Expected = "output 2")]
    [Case("manual-004", Expected = "output 2")]
    [Case("manual-005", Expected = "output 2")]
    [Case("manual-006", Expected = "output 2")]
    [Case("manual-007", Expected = "output 2")]
    [Case("manual-008", Expected = "output 2")]
    [Case("manual-009", Expected = "output 1")]
    public Task<string> Llama2AgreesWithPeople(EvalInput input, string item) => DecideAsync(Single(Llama2), item, input);

    /// <summary>PaLM2 alone.</summary>
    [Eval]
    [Case("natural-000", Expected = "output 1")]
    [Case("natural-001", Expected = "output 1")]
    [Case("natural-002", Expected = "output 1")]
    [Case("natural-003", Expected = "output 1")]
    [Case("natural-004", Expected = "output 2")]
    [Case("natural-005", Expected = "output 1")]
    [Case("natural-006", Expected = "output 1")]
    [Case("natural-007", Expected = "output 2")]
    [Case("natural-008", Expected = "output 1")]
    [Case("natural-009", Expected = "output 2")]
    [Case("neighbor-000", Expected = "output 2")]
    [Case("neighbor-001", Expected = "output 2")]
    [Case("neighbor-002", Expected = "output 1")]
    [Case("neighbor-003", Expected = "output 2")]
    [Case("neighbor-004", Expected = "output 2")]
    [Case("neighbor-005", Expected = "output 2")]
    [Case("neighbor-006", Expected = "output 2")]
    [Case("neighbor-007", Expected = "output 2")]
    [Case("neighbor-008", Expected = "output 2")]
    [Case("neighbor-009", Expected = "output 1")]
    [Case("gptinst-000", Expected = "output 2")]
    [Case("gptinst-001", Expected = "output 2")]
    [Case("gptinst-002", Expected = "output 1")]
    [Case("gptinst-003", Expected = "output 2")]
    [Case("gptinst-004", Expected = "output 2")]
    [Case("gptinst-005", Expected = "output 2")]
    [Case("gptinst-006", Expected = "output 2")]
    [Case("gptinst-007", Expected = "output 2")]
    [Case("gptinst-008", Expected = "output 2")]
    [Case("gptinst-009", Expected = "output 1")]
    [Case("gptout-000", Expected = "output 2")]
    [Case("gptout-001", Expected = "output 2")]
    [Case("gptout-002", Expected = "output 1")]
    [Case("gptout-003", Expected = "output 2")]
    [Case("gptout-004", Expected = "output 2")]
    [Case("gptout-005", Expected = "output 2")]
    [Case("gptout-006", Expected = "output 2")]
    [Case("gptout-007", Expected = "output 2")]
    [Case("gptout-008", Expected = "output 2")]
    [Case("gptout-009", Expected = "output 1")]
    [Case("manual-000", Expected = "output 2")]
    [Case("manual-001", Expected = "output 2")]
    [Case("manual-002", Expected = "output 1")]
    [Case("manual-003", Expected = "output 2")]
    [Case("manual-004", Expected = "output 2")]
    [Case("manual-005", Expected = "output 2")]
    [Case("manual-006", Expected = "output 2")]
    [Case("manual-007", Expected = "output 2")]
    [Case("manual-008", Expected = "output 2")]
    [Case("manual-009", Expected = "output 1")]
    public Task<string> Palm2AgreesWithPeople(EvalInput input, string item) => DecideAsync(Single(Palm2), item, input);

    private static IJudge Judge(string model) =>
        new PairwiseJudge(model, new RecordedJudgeClient(model), new LlmJudgeOptions { MaxRetries = 0 });

    private static JudgePanel Single(IJudge judge) => new(judge.Name + "-alone", new[] { judge });

    private static async Task<string> DecideAsync(JudgePanel panel, string item, EvalInput input)
    {
        LabelledItem labelled = LabelledItems.Get(item);
        RecordedJudgeClient.CurrentItem.Value = labelled;
        PanelVerdict verdict = await panel.JudgeAsync(
            new JudgeRequest(labelled.Output1) { Input = labelled.Instruction, ReferenceOutput = labelled.Output2, RowId = input.RowId },
            input.CancellationToken);
        // Only the two answers carry "output" and a digit: the expected-answer check reads token recall, so a "no
        // decision" that quoted the panel's reason ("1 judge(s) decided...") would pass for an expected "output 1". The
        // judges' verdicts still count in the run's judge and agreement statistics (summary.json).
        return verdict.Outcome switch
        {
            VerdictOutcome.Pass => "output 1",
            VerdictOutcome.Fail => "output 2",
            _ => "no decision",
        };
    }
}
