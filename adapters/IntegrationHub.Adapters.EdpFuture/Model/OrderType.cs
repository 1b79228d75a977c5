namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>An order type (OrderTypeV1_4) with its fee rows.</summary>
public sealed record OrderType
{
    /// <summary>Id.</summary>
    public required int Id { get; init; }
    /// <summary>Whether the customer must write a comment.</summary>
    public bool CommentRequired { get; init; }
    /// <summary>Instruction shown to the customer.</summary>
    public string? Instruction { get; init; }
    /// <summary>The fee rows.</summary>
    public IReadOnlyList<OrderRow> OrderRows { get; init; } = [];
    /// <summary>Price.</summary>
    public decimal Price { get; init; }
    /// <summary>Product code, e.g. ESK.</summary>
    public string? Product { get; init; }
    /// <summary>Text, e.g. Extra säck.</summary>
    public string? Text { get; init; }
    /// <summary>Type, e.g. Order.</summary>
    public string? Type { get; init; }
}
