namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>
/// An FGS delivery that cannot be imported: not well-formed, not an FGS Leveransobjekt, a required element missing, a
/// value of the wrong form, an attachment missing or damaged. The message names the file, the line and position, the
/// element path and the rule broken, so whoever exported the file can fix it; nothing of the file was imported.
/// </summary>
public sealed class FgsFormatException : Exception
{
    /// <summary>Creates the exception for one broken rule at one place.</summary>
    public FgsFormatException(string fileName, int line, int position, string elementPath, string code, string rule)
        : base($"{fileName} line {line}, position {position}: {elementPath}: {rule}")
    {
        FileName = fileName;
        Line = line;
        Position = position;
        ElementPath = elementPath;
        Code = code;
        Rule = rule;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FgsFormatException() : this("(unknown)", 0, 0, "/", FgsErrorCodes.Format, "not an importable FGS delivery")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public FgsFormatException(string message) : base(message)
    {
        FileName = "(unknown)";
        ElementPath = "/";
        Code = FgsErrorCodes.Format;
        Rule = message;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FgsFormatException(string message, Exception innerException) : base(message, innerException)
    {
        FileName = "(unknown)";
        ElementPath = "/";
        Code = FgsErrorCodes.Format;
        Rule = message;
    }

    /// <summary>The XML file's name.</summary>
    public string FileName { get; }

    /// <summary>Line, 1-based (0 for the whole file).</summary>
    public int Line { get; }

    /// <summary>Position on the line, 1-based (0 for the whole file).</summary>
    public int Position { get; }

    /// <summary>Element path, e.g. <c>/Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[2]/Arendemening</c>.</summary>
    public string ElementPath { get; }

    /// <summary>A stable name of the rule (see <see cref="FgsErrorCodes"/>), safe to log and count.</summary>
    public string Code { get; }

    /// <summary>The rule broken, in words (may quote the offending value, which is why logs use <see cref="Code"/>).</summary>
    public string Rule { get; }
}
