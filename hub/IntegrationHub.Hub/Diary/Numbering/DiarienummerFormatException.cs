namespace IntegrationHub.Hub.Diary.Numbering;

/// <summary>A diarienummer pattern configured for a diary is not valid; the message says what to fix.</summary>
public sealed class DiarienummerFormatException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DiarienummerFormatException()
        : base("The diarienummer pattern is not valid.")
    {
    }

    /// <summary>Creates the exception with a message for the administrator.</summary>
    public DiarienummerFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public DiarienummerFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
