using System.Net;
using System.Net.Sockets;

namespace SearchService.Api.Tests.Browser;

/// <summary>
/// A TCP port on 127.0.0.1 that was free a moment ago, for a child process to listen on. Asking the
/// system for port 0 avoids clashing with other test runs sharing the machine.
/// </summary>
internal static class LoopbackPort
{
    /// <summary>A port the system just handed out and that nothing listens on now.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
