namespace IntegrationHub.Adapters.Fgs.Source;

/// <summary>The last delivery a drop folder refused, for the health view.</summary>
/// <param name="FileName">The file's name (it now lies in <c>rejected/</c> as <see cref="RejectedAs"/>).</param>
/// <param name="RejectedAs">Its name in <c>rejected/</c>.</param>
/// <param name="At">When it was refused.</param>
/// <param name="Code">The rule's stable name (see <see cref="Reading.FgsErrorCodes"/>).</param>
/// <param name="Line">Line of the problem.</param>
/// <param name="Position">Position on the line.</param>
/// <param name="ElementPath">Element path of the problem.</param>
public sealed record FgsRejection(string FileName, string RejectedAs, DateTimeOffset At, string Code, int Line, int Position, string ElementPath);
