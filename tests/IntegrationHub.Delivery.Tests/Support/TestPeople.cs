using System.Globalization;
using IntegrationHub.Canonical.Model;

namespace IntegrationHub.Delivery.Tests.Support;

/// <summary>Fictional parties with valid personnummer and a mailbox of their own on the test server.</summary>
internal static class TestPeople
{
    /// <summary>A party with a new personnummer (born <paramref name="birthDate"/>, <c>YYYYMMDD</c>) and a fresh address.</summary>
    public static Party Party(PartyRole role, string name, string birthDate, bool withEmail = true, bool? protectedIdentity = null) => new()
    {
        Role = role,
        Identity = new PartyIdentity(IdentityType.Personnummer, Personnummer(birthDate, Random.Shared.Next(100, 999))),
        Name = name,
        Email = withEmail ? Mailbox.NewAddress(name.Split(' ')[0]) : null,
        ProtectedIdentity = protectedIdentity,
    };

    /// <summary>A valid 12-digit personnummer: the date, a birth number and the Luhn check digit over the ten-digit form.</summary>
    public static string Personnummer(string birthDate, int birthNumber)
    {
        var eleven = birthDate + birthNumber.ToString("D3", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (eleven[i + 2] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return eleven + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
