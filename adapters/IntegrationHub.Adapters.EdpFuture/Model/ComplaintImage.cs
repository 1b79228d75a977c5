namespace IntegrationHub.Adapters.EdpFuture.Model;

/// <summary>A picture attached to a complaint (BinaryFile).</summary>
/// <param name="FileName">File name without path, e.g. karl.jpg.</param>
/// <param name="FileExtension">Extension, e.g. .jpg.</param>
/// <param name="Content">The bytes.</param>
public sealed record ComplaintImage(string FileName, string FileExtension, ReadOnlyMemory<byte> Content);
