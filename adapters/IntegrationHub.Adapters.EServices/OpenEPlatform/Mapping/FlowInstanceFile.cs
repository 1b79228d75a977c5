namespace IntegrationHub.Adapters.EServices.OpenEPlatform.Mapping;

/// <summary>A file the citizen uploaded, exported inline (<c>File{ID, Name, Size, EncodedData}</c>).</summary>
internal sealed record FlowInstanceFile(string? Id, string Name, byte[] Content)
{
    /// <summary>Without the content.</summary>
    public override string ToString() => $"FlowInstanceFile {{ Id = {Id}, Size = {Content.Length} }}";
}
