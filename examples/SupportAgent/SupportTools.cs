using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using Microsoft.Extensions.AI;

namespace SupportAgent;

/// <summary>The agent's tools over the order database, as <see cref="AIFunction"/>s the model may call.</summary>
public sealed class SupportTools
{
    private readonly OrderDatabase _orders;

    /// <summary>Creates the tools over <paramref name="orders"/>.</summary>
    /// <param name="orders">The order database.</param>
    public SupportTools(OrderDatabase orders)
    {
        _orders = orders;
    }

    /// <summary>The tools, named as the model sees them: <c>get_order</c>, <c>check_refund_eligibility</c>, <c>create_return</c>.</summary>
    public IList<AITool> All =>
    [
        AIFunctionFactory.Create(GetOrder, "get_order"),
        AIFunctionFactory.Create(CheckRefundEligibility, "check_refund_eligibility"),
        AIFunctionFactory.Create(CreateReturn, "create_return"),
    ];

    /// <summary>Looks an order up.</summary>
    /// <param name="orderId">The order number, e.g. A-1001.</param>
    [Description("Looks an order up by its number: item, total, status and delivery date.")]
    public string GetOrder([Description("The order number, e.g. A-1001.")] string orderId) =>
        _orders.Find(orderId) is { } order
            ? string.Create(CultureInfo.InvariantCulture, $"order {order.Id}: {order.Item}, ${order.Total:0.00}, {order.Status}") + (order.DeliveredOn is { } on ? " on " + on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)
            : $"order {orderId} not found";

    /// <summary>Says whether an order can be returned for a refund.</summary>
    /// <param name="orderId">The order number.</param>
    [Description("Checks whether an order can be returned for a refund (delivered within the last 30 days, no return yet).")]
    public string CheckRefundEligibility([Description("The order number.")] string orderId)
    {
        (bool eligible, string reason) = _orders.CheckRefundEligibility(orderId);
        return (eligible ? "eligible: " : "not eligible: ") + reason;
    }

    /// <summary>Creates a return; throws when the order is not eligible.</summary>
    /// <param name="orderId">The order number.</param>
    /// <param name="reason">Why the customer returns it.</param>
    [Description("Creates a return for an eligible order; gives the return number.")]
    public string CreateReturn([Description("The order number.")] string orderId, [Description("Why the customer returns it, in their words.")] string reason) =>
        "return " + _orders.CreateReturn(orderId) + " created for order " + orderId.Trim() + " (" + reason + ")";
}
