using System.Net;
using System.Net.Sockets;

namespace Directory.Api.Security;

/// <summary>
/// The client a request comes from, as rate limits and logs see it: the connection's address (behind a trusted
/// proxy the forwarded one, <see cref="ReverseProxy"/>); an IPv6 address by its /64 network, since one household or
/// office gets a whole /64 and could otherwise take a new address for every request.
/// </summary>
public static class ClientAddress
{
    /// <summary>The partition of <paramref name="address"/>: IPv4 as it is, IPv6 as its /64 network.</summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The partition of the request's client.</summary>
    public static string PartitionOf(HttpContext context) => PartitionOf(context.Connection.RemoteIpAddress);
}
