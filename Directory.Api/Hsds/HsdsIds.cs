using System.Security.Cryptography;
using System.Text;

namespace Directory.Api.Hsds;

/// <summary>
/// HSDS identifiers are UUIDs. Ours are name-based (RFC 9562 version 5, SHA-1) from what a record is ("service/05966024",
/// "contact/17"): stable across restarts and instances without storing them, and the same for the same record in
/// every answer.
/// </summary>
public static class HsdsIds
{
    // This project's namespace for its UUIDs (a random UUID chosen once).
    private static readonly Guid Namespace = new("5b0f6f4e-8f3a-4c1e-9a57-2d6a1c0e4b77");

    /// <summary>The UUID of <paramref name="kind"/> <paramref name="key"/>.</summary>
    public static string For(string kind, string key)
    {
        var name = Encoding.UTF8.GetBytes($"{kind}/{key}");
        var space = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. space, .. name]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash.AsSpan(0, 16), bigEndian: true).ToString();
    }
}
