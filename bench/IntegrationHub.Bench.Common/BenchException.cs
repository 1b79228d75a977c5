namespace IntegrationHub.Bench.Common;

/// <summary>A run that cannot give a figure: the hub did not start, answered an error, or did not finish in time.</summary>
public sealed class BenchException : Exception
{
    public BenchException()
    {
    }

    public BenchException(string message) : base(message)
    {
    }

    public BenchException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
