using System.Globalization;
using IntegrationHub.Adapters.Fgs.Source;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Adapters.Fgs.Tests.Source;

/// <summary>A temporary drop folder with a source over it and a clock the test moves.</summary>
internal sealed class DropFolder : IDisposable
{
    private readonly TempFolder _temp = new();
    private int _generated;

    public DropFolder(int settleSeconds = 5)
    {
        Folder = _temp.Sub("drop");
        // The file system stamps the files the tests write; the clock starts at the folder's own stamp, so a file
        // written now is as new to the source as it is.
        Time = new FakeTimeProvider(new DateTimeOffset(Directory.GetLastWriteTimeUtc(Folder), TimeSpan.Zero));
        Options = TestOptions.Create(Folder);
        Options.SettleSeconds = settleSeconds;
        Source = new FgsFolderSource("platina-arkiv", Options, Store, Time, NullLogger<FgsFolderSource>.Instance);
    }

    public string Folder { get; }

    public FgsOptions Options { get; }

    public InMemoryContentStore Store { get; } = new();

    /// <summary>Starts when the drop folder was made, on the file system's clock.</summary>
    public FakeTimeProvider Time { get; }

    public FgsFolderSource Source { get; }

    public string Imported => Path.Combine(Folder, "imported");

    public string Rejected => Path.Combine(Folder, "rejected");

    /// <summary>Lets every file written so far settle.</summary>
    public void Settle() => Time.Advance(TimeSpan.FromSeconds(Options.SettleSeconds + 60));

    public string CopySample(string samplePath, string? asName = null) => Samples.CopyInto(samplePath, Folder, asName);

    /// <summary>Writes a small valid delivery: one case with one incoming document and its attachment under filer/.</summary>
    public string WriteDelivery()
    {
        var n = Interlocked.Increment(ref _generated);
        var number = n.ToString("D4", CultureInfo.InvariantCulture);
        var attachment = Path.Combine(Folder, "filer", $"leverans-{number}", "ansokan.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(attachment)!);
        File.WriteAllText(attachment, $"Ansökan nummer {number} (fiktiv)");
        var xml = Path.Combine(Folder, $"leverans-{number}.xml");
        File.WriteAllText(xml, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Leveransobjekt xmlns="http://xml.ra.se/e-arkiv/FGS-ERMS">
              <ArkivobjektListaArenden>
                <ArkivobjektArende>
                  <ArkivobjektID>BN 2026/{n}</ArkivobjektID>
                  <Skapad>2026-04-01T08:00:00</Skapad>
                  <Arendemening>Ansökan om bygglov nummer {number}</Arendemening>
                  <ArkivobjektListaHandlingar>
                    <ArkivobjektHandling>
                      <ArkivobjektID>BN 2026/{n}-1</ArkivobjektID>
                      <Inkommen>2026-04-01T08:00:00</Inkommen>
                      <Rubrik>Ansökan</Rubrik>
                      <Bilaga Namn="Ansökan.txt" Lank="filer/leverans-{number}/ansokan.txt"/>
                    </ArkivobjektHandling>
                  </ArkivobjektListaHandlingar>
                </ArkivobjektArende>
              </ArkivobjektListaArenden>
            </Leveransobjekt>
            """);
        return xml;
    }

    public void Dispose() => _temp.Dispose();
}
