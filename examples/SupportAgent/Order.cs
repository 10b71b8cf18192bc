using System;

namespace SupportAgent;

/// <summary>One order of the shop.</summary>
/// <param name="Id">The order number, e.g. <c>A-1001</c>.</param>
/// <param name="Item">What was ordered.</param>
/// <param name="Total">The amount paid, in US dollars.</param>
/// <param name="Status">"processing", "shipped" or "delivered".</param>
/// <param name="DeliveredOn">The delivery date, when delivered.</param>
/// <param name="Returned">Whether a return was already created for it.</param>
public sealed record Order(string Id, string Item, decimal Total, string Status, DateOnly? DeliveredOn, bool Returned);
