using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Reading;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Adapters.Fgs.Tests.Source;

/// <summary>What an IT administrator sees in the drop folder: imported deliveries filed away, bad ones set aside with the reason.</summary>
public sealed class FgsFolderSourceTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly DropFolder _drop = new();

    public void Dispose() => _drop.Dispose();

    [Fact]
    public async Task AGoodDelivery_GivesAllItsEventsInOneBatch_AndIsMovedWithItsFilesOnceAcknowledged()
    {
        var xml = _drop.CopySample(Samples.Valid("01-bygglov-bn-2026-0142.xml"));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Equal(6, batch.Events.Count);
        Assert.Equal(xml, batch.Token);
        Assert.False(batch.More);
        Assert.Matches("^01-bygglov-bn-2026-0142.xml sha256:[0-9a-f]{64}$", batch.Checkpoint);
        Assert.Equal("fgs/platina-arkiv", _drop.Source.Name);
        Assert.True(File.Exists(xml), "nothing moves before the hub accepted the events");

        await _drop.Source.AcknowledgeAsync(batch, None);

        var stamp = _drop.Time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var target = Path.Combine(_drop.Imported, $"{stamp}-01-bygglov-bn-2026-0142");
        Assert.True(File.Exists(Path.Combine(target, "01-bygglov-bn-2026-0142.xml")));
        Assert.True(File.Exists(Path.Combine(target, "filer", "bn-2026-0142", "beslut-bygglov.pdf")));
        Assert.False(File.Exists(xml));
        Assert.False(Directory.Exists(Path.Combine(_drop.Folder, "filer", "bn-2026-0142")), "the emptied attachment folder is removed");
        Assert.Equal(1, _drop.Source.ImportedCount);
        Assert.Empty((await _drop.Source.ReceiveAsync(batch.Checkpoint, None)).Events);
    }

    [Fact]
    public async Task ABadDelivery_IsRejectedWithItsReason_AndTheNextFileIsImportedInTheSameReceive()
    {
        var bad = _drop.CopySample(Samples.Invalid("saknar-arendemening.xml"), "a-forst.xml");
        _drop.Settle();
        var good = _drop.WriteDelivery();
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Equal(good, batch.Token);
        Assert.Equal(2, batch.Events.Count);
        Assert.False(File.Exists(bad));
        Assert.True(File.Exists(Path.Combine(_drop.Rejected, "a-forst.xml")));
        var reason = await File.ReadAllTextAsync(Path.Combine(_drop.Rejected, "a-forst.error.txt"));
        Assert.Contains("a-forst.xml line 11, position 6: /Leveransobjekt/ArkivobjektListaArenden/ArkivobjektArende[2]/Arendemening: required element Arendemening is missing", reason, StringComparison.Ordinal);
        Assert.Contains("move it back", reason, StringComparison.Ordinal);
        Assert.Equal(1, _drop.Source.RejectedCount);
        var rejection = _drop.Source.LastRejection!;
        Assert.Equal(("a-forst.xml", "a-forst.xml", FgsErrorCodes.Required, 11), (rejection.FileName, rejection.RejectedAs, rejection.Code, rejection.Line));
    }

    [Fact]
    public async Task AChecksumMismatch_IsRejectedAndItsAttachmentsStayForACorrectedFile()
    {
        _drop.CopySample(Samples.Invalid("checksumma-fel.xml"));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Empty(batch.Events);
        Assert.Contains("@Checksumma: checksum mismatch for Bilaga 'Protokollsutdrag.pdf'", await File.ReadAllTextAsync(Path.Combine(_drop.Rejected, "checksumma-fel.error.txt")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_drop.Folder, "filer", "protokoll.pdf")));
        Assert.Empty(_drop.Store.Contents);
    }

    [Fact]
    public async Task ARejectedFileMovedBack_IsReadAgain_AndASecondRejectionKeepsTheFirst()
    {
        var xml = _drop.CopySample(Samples.Invalid("okand-status.xml"));
        _drop.Settle();
        await _drop.Source.ReceiveAsync(null, None);

        File.Move(Path.Combine(_drop.Rejected, "okand-status.xml"), xml);
        _drop.Settle();
        await _drop.Source.ReceiveAsync(null, None);

        Assert.True(File.Exists(Path.Combine(_drop.Rejected, "okand-status.error.txt")));
        Assert.True(File.Exists(Path.Combine(_drop.Rejected, "okand-status-2.xml")));
        Assert.True(File.Exists(Path.Combine(_drop.Rejected, "okand-status-2.error.txt")));
        Assert.Equal(2, _drop.Source.RejectedCount);
    }

    [Fact]
    public async Task AFileStillBeingWritten_IsLeftUntilItHasSettled()
    {
        _drop.WriteDelivery();

        Assert.Empty((await _drop.Source.ReceiveAsync(null, None)).Events);
        _drop.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty((await _drop.Source.ReceiveAsync(null, None)).Events);

        _drop.Settle();
        Assert.Equal(2, (await _drop.Source.ReceiveAsync(null, None)).Events.Count);
    }

    [Fact]
    public async Task AnAttachmentStillBeingWritten_HoldsBackItsDelivery()
    {
        var xml = _drop.WriteDelivery();
        _drop.Settle();
        File.AppendAllText(Path.Combine(_drop.Folder, "filer", "leverans-0001", "ansokan.txt"), " mer");
        File.SetLastWriteTimeUtc(Path.Combine(_drop.Folder, "filer", "leverans-0001", "ansokan.txt"), _drop.Time.GetUtcNow().UtcDateTime);

        Assert.Empty((await _drop.Source.ReceiveAsync(null, None)).Events);
        Assert.True(File.Exists(xml));

        _drop.Settle();
        Assert.NotEmpty((await _drop.Source.ReceiveAsync(null, None)).Events);
    }

    [Fact]
    public async Task SeveralDeliveries_AreTakenOldestFirst_OnePerBatch()
    {
        var first = _drop.WriteDelivery();
        var second = _drop.WriteDelivery();
        File.SetLastWriteTimeUtc(second, _drop.Time.GetUtcNow().UtcDateTime.AddMinutes(-10));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Equal(second, batch.Token);
        Assert.True(batch.More);
        await _drop.Source.AcknowledgeAsync(batch, None);
        var next = await _drop.Source.ReceiveAsync(batch.Checkpoint, None);
        Assert.Equal(first, next.Token);
        Assert.False(next.More);
    }

    [Fact]
    public async Task AFileReplacedBeforeTheAcknowledgement_IsNotMoved()
    {
        var xml = _drop.WriteDelivery();
        _drop.Settle();
        var batch = await _drop.Source.ReceiveAsync(null, None);

        File.WriteAllText(xml, File.ReadAllText(xml).Replace("nummer 0001", "nummer 0001 (ny export)", StringComparison.Ordinal));
        await _drop.Source.AcknowledgeAsync(batch, None);

        Assert.True(File.Exists(xml));
        Assert.Equal(0, _drop.Source.ImportedCount);
    }

    [Fact]
    public async Task AMissingFolder_IsUnavailable()
    {
        Directory.Delete(_drop.Folder, recursive: true);

        var error = await Assert.ThrowsAsync<SourceUnavailableException>(() => _drop.Source.ReceiveAsync("x.xml sha256:00", None));

        Assert.Contains(_drop.Folder, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesInSubfoldersAndHiddenFiles_AreNotDeliveries()
    {
        var inner = Path.Combine(_drop.Folder, "filer");
        Directory.CreateDirectory(inner);
        File.Copy(Samples.Invalid("okand-status.xml"), Path.Combine(inner, "bilaga.xml"));
        File.Copy(Samples.Invalid("okand-status.xml"), Path.Combine(_drop.Folder, ".pagaende.xml"));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Empty(batch.Events);
        Assert.Equal(0, _drop.Source.RejectedCount);
    }

    [Fact]
    public async Task EveryEventOfAReceive_PassesTheSchema()
    {
        _drop.CopySample(Samples.Valid("02-ks-2026-0088-sekretess.xml"));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.All(batch.Events, SchemaAssert.Valid);
        Assert.All(batch.Events, e => Assert.Equal(DataClassification.Restricted, e.DataClassification));
    }

    [Fact]
    public async Task AnAttachmentThatIsASymbolicLink_IsRejected()
    {
        var xml = _drop.WriteDelivery();
        var attachment = Path.Combine(_drop.Folder, "filer", "leverans-0001", "ansokan.txt");
        File.Delete(attachment);
        File.CreateSymbolicLink(attachment, Samples.Valid("01-bygglov-bn-2026-0142.xml"));
        _drop.Settle();

        var batch = await _drop.Source.ReceiveAsync(null, None);

        Assert.Empty(batch.Events);
        Assert.False(File.Exists(xml));
        Assert.Equal(FgsErrorCodes.AttachmentLink, _drop.Source.LastRejection!.Code);
    }
}
