namespace IntegrationHub.Adapters.EServices.Push.Security;

/// <summary>Reads an instance's shared secret or API key: <c>Secret</c> (from the environment) or <c>SecretFile</c>, read on each push so a rotated file takes effect at once.</summary>
internal static class SecretReader
{
    public static byte[] Read(string instance, PushSubmissionOptions options)
    {
        if (!string.IsNullOrEmpty(options.Secret))
        {
            return System.Text.Encoding.UTF8.GetBytes(options.Secret);
        }

        try
        {
            var secret = File.ReadAllText(options.SecretFile ?? string.Empty).Trim();
            if (secret.Length > 0)
            {
                return System.Text.Encoding.UTF8.GetBytes(secret);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new InvalidOperationException($"{PushSubmissionOptions.Section}:{instance}:SecretFile cannot be read; the push is not checked.", e);
        }

        throw new InvalidOperationException($"{PushSubmissionOptions.Section}:{instance}:SecretFile is empty; the push is not checked.");
    }
}
