using System.Security.Cryptography;
using IntegrationHub.Adapters.Abstractions;
using IntegrationHub.Adapters.Fgs.Mapping;
using IntegrationHub.Adapters.Fgs.Reading;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Adapters.Fgs.Source;

/// <summary>
/// An FGS drop folder as a case-event source. Each receive takes the oldest settled <c>*.xml</c> delivery and returns all
/// its events in one batch (a file is all or nothing); the acknowledgement moves it with its attachment files into
/// <c>imported/</c>. A delivery that cannot be imported goes to <c>rejected/</c> with an <c>.error.txt</c> naming line,
/// element and rule, and the same receive goes on with the next file. The folder is the state: the checkpoint only says
/// what was imported last (file name and SHA-256).
/// </summary>
public sealed class FgsFolderSource : ICaseEventSource
{
    private static readonly EnumerationOptions XmlFiles = new()
    {
        MatchCasing = MatchCasing.CaseInsensitive,
        RecurseSubdirectories = false,
        IgnoreInaccessible = true,
        // Hidden files are what copy tools (rsync, many SFTP clients) write while a transfer is under way.
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
    };

    private readonly FgsOptions _options;
    private readonly IContentStore _contents;
    private readonly TimeProvider _time;
    private readonly ILogger<FgsFolderSource> _logger;
    private readonly FgsReader _reader;
    private readonly FgsMapper _mapper;
    private readonly DeliveryMover _mover;
    private readonly string _folder;
    private FgsRejection? _lastRejection;
    private int _rejected;
    private int _imported;

    /// <summary>Creates the source for the drop folder <c>Adapters:Fgs:{instance}</c>.</summary>
    public FgsFolderSource(string instance, FgsOptions options, IContentStore contents, TimeProvider timeProvider, ILogger<FgsFolderSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _contents = contents;
        _time = timeProvider;
        _logger = logger;
        _folder = options.Folder ?? throw new ArgumentException($"{FgsOptions.Section}:{instance}:Folder is required.", nameof(options));
        _reader = new FgsReader(options.MaxFileBytes);
        _mapper = new FgsMapper(options);
        _mover = new DeliveryMover(_folder, timeProvider);
        Name = $"fgs/{instance}";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The last delivery refused since start, or null.</summary>
    public FgsRejection? LastRejection => Volatile.Read(ref _lastRejection);

    /// <summary>Deliveries refused since start.</summary>
    public int RejectedCount => Volatile.Read(ref _rejected);

    /// <summary>Deliveries imported (acknowledged and moved) since start.</summary>
    public int ImportedCount => Volatile.Read(ref _imported);

    /// <inheritdoc />
    public async Task<SourceBatch> ReceiveAsync(string? checkpoint, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var candidates = SettledDeliveries();
        for (var i = 0; i < candidates.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var xml = candidates[i];
            try
            {
                var delivery = await _reader.ReadFileAsync(xml, cancellationToken);
                var import = await _mapper.MapAsync(delivery, _folder, _contents, cancellationToken);
                if (import.Files.Any(f => !IsSettled(File.GetLastWriteTimeUtc(f))))
                {
                    // Attachments still being copied: take the delivery when they are complete.
                    continue;
                }

                if (import.Events.Count == 0)
                {
                    // An empty delivery has nothing for the hub; file it now rather than hand out an empty batch.
                    _mover.MoveImported(xml, import.Files);
                    continue;
                }

                return new SourceBatch(import.Events, Checkpoint(delivery.FileName, delivery.Sha256), More: i < candidates.Count - 1, Token: xml);
            }
            catch (FgsFormatException error)
            {
                Reject(xml, error);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (!Directory.Exists(_folder))
                {
                    throw Unavailable(e);
                }

                // The file went away or is locked by its writer: leave it for the next poll.
                _logger.LogWarning("FGS source {Source}: {File} could not be read now ({Error}); trying again at the next poll", Name, Path.GetFileName(xml), e.GetType().Name);
            }
        }

        return SourceBatch.Empty(checkpoint);
    }

    /// <inheritdoc />
    public async Task AcknowledgeAsync(SourceBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Token is not { } xml || !File.Exists(xml))
        {
            return;
        }

        var content = await File.ReadAllBytesAsync(xml, cancellationToken);
        var name = Path.GetFileName(xml);
        if (batch.Checkpoint != Checkpoint(name, Convert.ToHexStringLower(SHA256.HashData(content))))
        {
            // Replaced by a new export of the same name since the receive: that one has not been imported yet.
            return;
        }

        var delivery = _reader.Parse(content, name);
        var root = Path.GetFullPath(_folder);
        var files = delivery.Cases.SelectMany(c => c.Documents).SelectMany(d => d.Attachments)
            .Select(a => AttachmentFiles.Resolve(root, a.Link)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var target = _mover.MoveImported(xml, files);
        Interlocked.Increment(ref _imported);
        _logger.LogInformation("FGS source {Source}: imported {File} ({Cases} case(s), {Files} file(s)) and moved it to {Target}",
            Name, name, delivery.Cases.Count, files.Count, Path.GetRelativePath(root, target));
    }

    /// <summary>What was imported last, for people reading the checkpoint: the file and its SHA-256.</summary>
    internal static string Checkpoint(string fileName, string sha256) => $"{fileName} sha256:{sha256}";

    private List<string> SettledDeliveries()
    {
        try
        {
            return [.. new DirectoryInfo(_folder).EnumerateFiles("*.xml", XmlFiles)
                .Where(f => IsSettled(f.LastWriteTimeUtc))
                .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => f.FullName)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw Unavailable(e);
        }
    }

    private bool IsSettled(DateTime lastWriteUtc) =>
        _time.GetUtcNow() - new DateTimeOffset(lastWriteUtc, TimeSpan.Zero) >= TimeSpan.FromSeconds(_options.SettleSeconds);

    private void Reject(string xml, FgsFormatException error)
    {
        string rejectedAs;
        try
        {
            rejectedAs = _mover.MoveRejected(xml, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogError("FGS source {Source}: {File} is invalid ({Code}) but could not be moved to rejected/ ({Error})", Name, Path.GetFileName(xml), error.Code, e.GetType().Name);
            return;
        }

        Interlocked.Increment(ref _rejected);
        Volatile.Write(ref _lastRejection, new FgsRejection(error.FileName, rejectedAs, _time.GetUtcNow(), error.Code, error.Line, error.Position, error.ElementPath));
        // The rule's code and the element path, never the rule text: that may quote values from the file.
        _logger.LogWarning("FGS source {Source}: rejected {File}: {Code} at line {Line}, position {Position}, {ElementPath}; see rejected/{RejectedAs} and its .error.txt",
            Name, error.FileName, error.Code, error.Line, error.Position, error.ElementPath, rejectedAs);
    }

    private SourceUnavailableException Unavailable(Exception e) =>
        new($"The FGS drop folder of {Name} ({_folder}) does not exist or cannot be read: {e.GetType().Name}.", e);
}
