using System.Threading.Tasks;
using EvalSpec;

namespace TicketTriage.Evals;

/// <summary>Classification: 45 tickets from a JSONL and a CSV file, each answer checked against its expected "category / priority".</summary>
public partial class TriageEvals
{
    private static readonly TicketTriageService Service = new(Models.Triage());

    [Eval(Rubric = "Gives one category and one priority that fit the ticket.")]
    [Prompt("ticket", "Subject: {subject}\n\n{body}")]
    [CasesFrom("data/tickets.jsonl")]
    [CasesFrom("data/tickets.csv")]
    public async Task<string> Classify(EvalInput input, string subject, string body)
    {
        Triage triage = await Service.ClassifyAsync(subject, body, input.CancellationToken);
        return triage.ToString();
    }
}
