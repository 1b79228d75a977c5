namespace IntegrationHub.Adapters.Fgs.Model;

/// <summary>Where an element is in its file, for error messages: line and position (1-based) and its element path.</summary>
/// <param name="Line">Line number, 1-based (0 when unknown).</param>
/// <param name="Position">Position on the line, 1-based (0 when unknown).</param>
/// <param name="Path">The element path, e.g. <c>/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[2]</c>.</param>
public sealed record FgsLocation(int Line, int Position, string Path)
{
    /// <summary>"line 12, position 5".</summary>
    public override string ToString() => $"line {Line}, position {Position}";
}
