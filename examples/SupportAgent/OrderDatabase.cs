using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;

namespace SupportAgent;

/// <summary>
/// The shop's orders, in memory: a handful of fixed orders and the returns created during a run. "Today" is fixed, so
/// refund eligibility (30 days from delivery) gives the same answer on every run.
/// </summary>
public sealed class OrderDatabase
{
    /// <summary>How many days after delivery an order can be returned.</summary>
    public const int ReturnWindowDays = 30;

    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    /// <summary>Creates the database with its fixed orders, as of <paramref name="today"/>.</summary>
    /// <param name="today">The date eligibility is computed at.</param>
    public OrderDatabase(DateOnly today)
    {
        Today = today;
        foreach (Order order in Seed(today))
        {
            _orders[order.Id] = order;
        }
    }

    /// <summary>The date eligibility is computed at.</summary>
    public DateOnly Today { get; }

    /// <summary>The order with this id, or null.</summary>
    /// <param name="orderId">The order number.</param>
    public Order? Find(string orderId) => _orders.TryGetValue(orderId.Trim(), out Order? order) ? order : null;

    /// <summary>Whether the order can be returned for a refund, and why (or why not).</summary>
    /// <param name="orderId">The order number.</param>
    public (bool Eligible, string Reason) CheckRefundEligibility(string orderId)
    {
        if (Find(orderId) is not { } order)
        {
            return (false, $"order {orderId} does not exist");
        }

        if (order.Returned)
        {
            return (false, $"order {order.Id} already has a return");
        }

        if (order.DeliveredOn is not { } delivered)
        {
            return (false, $"order {order.Id} is {order.Status} and not delivered yet; it can be cancelled instead");
        }

        int days = Today.DayNumber - delivered.DayNumber;
        return days <= ReturnWindowDays
            ? (true, string.Create(CultureInfo.InvariantCulture, $"order {order.Id} was delivered {days} days ago, within the {ReturnWindowDays}-day return window"))
            : (false, string.Create(CultureInfo.InvariantCulture, $"order {order.Id} was delivered {days} days ago, outside the {ReturnWindowDays}-day return window"));
    }

    /// <summary>Creates a return for an eligible order and gives its return number (<c>R-</c> and the order number).</summary>
    /// <param name="orderId">The order number.</param>
    /// <exception cref="InvalidOperationException">The order cannot be returned (the agent is told why).</exception>
    public string CreateReturn(string orderId)
    {
        (bool eligible, string reason) = CheckRefundEligibility(orderId);
        if (!eligible)
        {
            throw new InvalidOperationException("No return created: " + reason + ".");
        }

        Order order = Find(orderId)!;
        _orders[order.Id] = order with { Returned = true };
        return "R-" + order.Id;
    }

    private static IEnumerable<Order> Seed(DateOnly today) =>
    [
        new("A-1001", "wireless headphones", 59.90m, "delivered", today.AddDays(-12), Returned: false),
        new("A-1002", "rain jacket", 89.00m, "delivered", today.AddDays(-72), Returned: false),
        new("A-1003", "desk lamp", 24.50m, "shipped", null, Returned: false),
        new("A-1004", "coffee grinder", 45.50m, "delivered", today.AddDays(-3), Returned: false),
    ];
}
