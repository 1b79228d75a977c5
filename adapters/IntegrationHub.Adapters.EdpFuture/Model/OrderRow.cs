namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A fee row of an order type (OrderRowV1_4).</summary>
public sealed record OrderRow
{
    /// <summary>Id.</summary>
    public required int Id { get; init; }
    /// <summary>Whether a quantity may be chosen.</summary>
    public bool AllowQuantity { get; init; }
    /// <summary>Fee code, e.g. ESK.</summary>
    public string? FeeCode { get; init; }
    /// <summary>Fee text.</summary>
    public string? FeeText { get; init; }
    /// <summary>Price per unit.</summary>
    public double PricePerUnit { get; init; }
    /// <summary>The quantity ordered.</summary>
    public int Quantity { get; init; }
    /// <summary>Unit id (e.g. st).</summary>
    public string? UnitId { get; init; }
    /// <summary>Unit text (e.g. Piece, styck).</summary>
    public string? UnitText { get; init; }
    /// <summary>Default quantity.</summary>
    public int DefaultValue { get; init; }
    /// <summary>Largest quantity.</summary>
    public int MaxValue { get; init; }
    /// <summary>Smallest quantity.</summary>
    public int MinValue { get; init; }
}
