namespace IntegrationHub.Adapters.Fgs.Export;

/// <summary>An FGS delivery could not be written completely (e.g. a document's file is not in the content store); nothing usable was left behind.</summary>
public sealed class FgsExportException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FgsExportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public FgsExportException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public FgsExportException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
