namespace IntegrationHub.Adapters.Fgs.Reading;

/// <summary>Stable names of the rules an FGS delivery can break (<see cref="FgsFormatException.Code"/>).</summary>
public static class FgsErrorCodes
{
    /// <summary>Anything else.</summary>
    public const string Format = "format";
    /// <summary>The file is larger than MaxFileMegabytes.</summary>
    public const string TooLarge = "too-large";
    /// <summary>Not well-formed XML.</summary>
    public const string NotWellFormed = "not-well-formed";
    /// <summary>A DOCTYPE (DTD), refused so no entity can reach outside the file (XXE).</summary>
    public const string Dtd = "dtd";
    /// <summary>The root is not Leveransobjekt.</summary>
    public const string Root = "root";
    /// <summary>The root is not in the FGS-ERMS namespace.</summary>
    public const string Namespace = "namespace";
    /// <summary>A required element or attribute is missing.</summary>
    public const string Required = "required";
    /// <summary>A required value is empty.</summary>
    public const string Empty = "empty";
    /// <summary>An element appears more often than allowed.</summary>
    public const string Duplicate = "duplicate";
    /// <summary>Two cases (or two documents of one case) have the same ArkivobjektID.</summary>
    public const string DuplicateId = "duplicate-id";
    /// <summary>A date is not YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm:ss, or impossible.</summary>
    public const string Date = "date";
    /// <summary>A value is not one of the allowed ones.</summary>
    public const string Enumeration = "enumeration";
    /// <summary>A number is not a whole number in range.</summary>
    public const string Number = "number";
    /// <summary>A boolean is not true, false, 1 or 0.</summary>
    public const string Boolean = "boolean";
    /// <summary>A Bilaga's Lank is not a relative path inside the delivery folder.</summary>
    public const string AttachmentLink = "attachment-link";
    /// <summary>A Bilaga's file does not exist.</summary>
    public const string AttachmentMissing = "attachment-missing";
    /// <summary>A Bilaga's file does not have its Checksumma.</summary>
    public const string Checksum = "checksum";
    /// <summary>A Bilaga's ChecksummaMetod cannot be verified.</summary>
    public const string ChecksumMethod = "checksum-method";
    /// <summary>A Bilaga's file does not have its Storlek.</summary>
    public const string AttachmentSize = "attachment-size";
    /// <summary>A case has no date at all to place its events in time.</summary>
    public const string NoDate = "no-date";
    /// <summary>Documents without a case cannot be imported.</summary>
    public const string NoCase = "no-case";
}
