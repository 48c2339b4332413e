using System.Net;
using System.Net.Http.Headers;
using Alluxio.Grpc.Protocol;
using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace Alluxio.Grpc.Tests;

public abstract class StatusTests(TestHostFixture fixture)
{
    /// <summary>Against Kestrel.</summary>
    public sealed class OnKestrel(KestrelHostFixture fixture) : StatusTests(fixture), IClassFixture<KestrelHostFixture>;

    /// <summary>Against the project's own HTTP/2 server.</summary>
    public sealed class OnHttp2(Http2HostFixture fixture) : StatusTests(fixture), IClassFixture<Http2HostFixture>;

    private GrpcChannel Channel => fixture.Channel;

    public static TheoryData<int> AllErrorCodes()
    {
        var data = new TheoryData<int>();
        for (var code = 1; code <= 16; code++)
            data.Add(code);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllErrorCodes))]
    public async Task Every_status_code_reaches_the_client_with_its_message(int code)
    {
        var message = $"failure number {code}";
        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Fail, new FailRequest { Code = code, Message = message }), $"Fail({code})");
        Assert.Equal((StatusCode)code, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Theory]
    [InlineData("ünïcødé ✓ – 100% done")]
    [InlineData("line one\r\nline two\ttabbed")]
    [InlineData("%41 is not A, %zz is not hex, and 50% is half")]
    [InlineData("日本語のエラー 🚀")]
    public async Task Status_messages_survive_percent_encoding(string message)
    {
        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Fail, new FailRequest { Code = (int)StatusCode.FailedPrecondition, Message = message }),
            "a failing call with a non-ASCII status message");
        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Equal(message, error.Status.Detail);
    }

    [Fact]
    public async Task Errors_before_any_message_are_sent_trailers_only_with_percent_encoded_message()
    {
        using var client = RawClient();
        using var response = await Waits.For(
            client.SendAsync(RawRequest(fixture.Host, "/alluxio.test.echo.Echo/Fail", new FailRequest { Code = 5, Message = "não 100%" })),
            "the raw Fail response");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(GrpcProtocol.ContentType, response.Content.Headers.ContentType?.MediaType);
        // Trailers-Only: the status is in the (only) header block, and there is no body.
        Assert.Equal("5", Header(response.Headers, "grpc-status"));
        Assert.Equal("n%C3%A3o 100%25", Header(response.Headers, "grpc-message"));
        var body = await Waits.For(response.Content.ReadAsByteArrayAsync(), "the raw Fail body");
        Assert.Empty(body);
        Assert.Empty(response.TrailingHeaders);
    }

    [Fact]
    public async Task Successful_calls_send_status_in_trailers_after_the_message()
    {
        using var client = RawClient();
        using var response = await Waits.For(
            client.SendAsync(RawRequest(fixture.Host, "/alluxio.test.echo.Echo/Unary", new EchoRequest { Text = "raw" })),
            "the raw Unary response");
        var body = await Waits.For(response.Content.ReadAsByteArrayAsync(), "the raw Unary body");
        Assert.Equal(0, body[0]);
        var reply = EchoReply.Parser.ParseFrom(body.AsSpan(GrpcFraming.HeaderSize));
        Assert.Equal("raw", reply.Text);
        Assert.False(response.Headers.Contains("grpc-status"));
        Assert.Equal("0", Header(response.TrailingHeaders, "grpc-status"));
    }

    [Fact]
    public async Task Unexpected_exceptions_are_unknown_without_details()
    {
        var error = await Waits.ForRpcError(
            () => Channel.UnaryAsync(EchoMethods.Fail, new FailRequest { Code = -1, Message = "boom" }), "a handler that throws");
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Equal("Exception was thrown by handler.", error.Status.Detail);
        Assert.DoesNotContain("secret", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exception_details_are_included_when_enabled()
    {
        await using var host = await TestHost.StartAsync(kind: fixture.Kind, configure: o => o.IncludeExceptionDetails = true);
        using var channel = host.CreateChannel();
        var error = await Waits.ForRpcError(
            () => channel.UnaryAsync(EchoMethods.Fail, new FailRequest { Code = -1, Message = "boom" }), "a handler that throws");
        Assert.Equal(StatusCode.Unknown, error.StatusCode);
        Assert.Contains("InvalidOperationException: secret internal detail boom", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_method_and_unknown_service_are_unimplemented()
    {
        var noMethod = new Method<EchoRequest, EchoReply>(MethodType.Unary, "alluxio.test.echo.Echo", "NoSuchMethod", EchoRequest.Parser, EchoReply.Parser);
        var error = await Waits.ForRpcError(() => Channel.UnaryAsync(noMethod, new EchoRequest()), "a call to an unknown method");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);

        var noService = new Method<EchoRequest, EchoReply>(MethodType.Unary, "no.such.Service", "Call", EchoRequest.Parser, EchoReply.Parser);
        error = await Waits.ForRpcError(() => Channel.UnaryAsync(noService, new EchoRequest()), "a call to an unknown service");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);

        var streaming = new Method<EchoRequest, EchoReply>(MethodType.DuplexStreaming, "no.such.Service", "Stream", EchoRequest.Parser, EchoReply.Parser);
        using var call = Channel.DuplexStreaming(streaming);
        error = await Waits.ForRpcError(() => call.ResponseStream.MoveNext(CancellationToken.None), "a duplex call to an unknown service");
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task Wrong_content_type_is_415()
    {
        using var client = RawClient();
        var request = RawRequest(fixture.Host, "/alluxio.test.echo.Echo/Unary", new EchoRequest());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Waits.For(client.SendAsync(request), "the response to a JSON request");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Non_grpc_requests_to_unknown_paths_are_plain_404()
    {
        using var client = RawClient();
        var request = RawRequest(fixture.Host, "/some/path", new EchoRequest());
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await Waits.For(client.SendAsync(request), "the response to a non-gRPC POST");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Transport_failure_is_unavailable()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var error = await Waits.ForRpcError(() => channel.UnaryAsync(EchoMethods.Unary, new EchoRequest()), "a call to a closed port");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_non_grpc_server_is_mapped_from_its_http_status()
    {
        // A client test: the non-gRPC answer comes from a plain ASP.NET Core endpoint.
        await using var host = await TestHost.StartAsync(kind: ServerKind.Kestrel, map: app =>
            app.App!.MapPost("/teapot.Service/Call", (Microsoft.AspNetCore.Http.HttpContext c) =>
            {
                c.Response.StatusCode = 503;
                return Task.CompletedTask;
            }));
        using var channel = host.CreateChannel();
        var method = new Method<EchoRequest, EchoReply>(MethodType.Unary, "teapot.Service", "Call", EchoRequest.Parser, EchoReply.Parser);
        var error = await Waits.ForRpcError(() => channel.UnaryAsync(method, new EchoRequest()), "a call answered with HTTP 503");
        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("503", error.Status.Detail, StringComparison.Ordinal);
    }

    internal static HttpClient RawClient() => new(new SocketsHttpHandler { UseProxy = false })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };

    internal static HttpRequestMessage RawRequest(TestHost host, string path, IMessage message, string? timeout = null)
    {
        var body = new byte[GrpcFraming.HeaderSize + message.CalculateSize()];
        GrpcFraming.WriteHeader(body, false, body.Length - GrpcFraming.HeaderSize);
        message.WriteTo(body.AsSpan(GrpcFraming.HeaderSize));
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (timeout is not null)
            request.Headers.TryAddWithoutValidation("grpc-timeout", timeout);
        return request;
    }

    internal static string? Header(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
