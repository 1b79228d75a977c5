namespace IntegrationHub.Adapters.Fgs.Export;

/// <summary>How an FGS delivery is written.</summary>
public sealed class FgsExportOptions
{
    /// <summary>The XML file's name in the output folder.</summary>
    public string FileName { get; set; } = "leveransobjekt.xml";

    /// <summary>The folder (under the output folder) the attachment files are written to.</summary>
    public string FilesFolder { get; set; } = "filer";

    /// <summary>The time zone FGS dates (which have no offset) are written in.</summary>
    public string TimeZone { get; set; } = "Europe/Stockholm";
}
