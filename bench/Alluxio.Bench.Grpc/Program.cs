using System.Net;
using Alluxio.Bench.Grpc;
using Alluxio.Bench.Grpc.Messages;
using Alluxio.Grpc;
using Alluxio.Grpc.Direct;
using Google.Protobuf;

// gRPC wire layer benchmark. Usage:
//   dotnet bench/Alluxio.Bench.Grpc/bin/Release/net10.0/Alluxio.Bench.Grpc.dll [--quick] [--runs N] [--seconds S]
//     [--callers N] [--stream-mib N] [--window BYTES] [--diagnose] [--unary-only | --stream-only]
// Client and server share this process (and the machine's cores), as on a loopback deployment. Prints a markdown table.
const int MiB = 1024 * 1024;
var options = BenchOptions.Parse(args);
Console.WriteLine($"# gRPC wire benchmark ({(options.Quick ? "quick" : "full")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                  $"{options.Runs} runs each, unary {options.Seconds:0.#} s x {options.Callers} callers, streaming {options.StreamMiB} x 1 MiB");

await using var server = await BenchServer.StartAsync();
using var tcp = new RawTcp();
using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { InitialHttp2StreamWindowSize = options.Window });
var service = BenchReflection.Descriptor.Services[0];
var unary = Method<BenchRequest, BenchReply>.From(service, "Unary", MethodType.Unary);
var stream = Method<BenchRequest, BenchReply>.From(service, "Stream", MethodType.ServerStreaming);
var streamPayloads = Method<BenchRequest, BenchReply>.From(service, "StreamPayloads", MethodType.ServerStreaming);
using var ownChannel = GrpcChannel.ForAddress(server.OwnAddress, new GrpcChannelOptions { InitialHttp2StreamWindowSize = options.Window });
using var direct = DirectChannel.ForAddress(server.OwnAddress, new DirectChannelOptions { MaxReceiveMessageSize = 2 * MiB });
using var directToKestrel = DirectChannel.ForAddress(server.Address, new DirectChannelOptions { MaxReceiveMessageSize = 2 * MiB });
using var rawHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false, InitialHttp2StreamWindowSize = options.Window ?? 65535 };
using var raw = new HttpMessageInvoker(rawHandler);

var request = new BenchRequest { Payload = ByteString.CopyFrom(new byte[16]) };
var rawBody = new byte[5 + request.CalculateSize()];
var measure = new Measure(options);

if (!options.StreamOnly)
{
    measure.Unary("gRPC unary (1 channel)", () => channel.UnaryAsync(unary, request));
    measure.Unary("HTTP/2 unary baseline (same stack, no gRPC)", () => RawPostAsync("/raw/unary", rawBody, null));
    measure.Unary("gRPC unary, own HTTP/2 server (GrpcChannel client)", () => ownChannel.UnaryAsync(unary, request));
    measure.Unary("gRPC unary, own HTTP/2 server, DirectChannel (a connection per caller)", () => DirectUnaryAsync(direct));
    if (options.Diagnose)
    {
        // Split the unary cost: our client against a hand-written server, and a plain HTTP/2 client against our server.
        var handWritten = new Method<BenchRequest, BenchReply>(MethodType.Unary, "raw.Bench", "Unary", BenchRequest.Parser, BenchReply.Parser);
        measure.Unary("diag: gRPC client -> hand-written server", () => channel.UnaryAsync(handWritten, request));
        var framed = new byte[5 + request.CalculateSize()];
        framed[4] = (byte)(framed.Length - 5);
        request.WriteTo(framed.AsSpan(5));
        measure.Unary("diag: HTTP/2 client -> gRPC server", () => RawPostAsync("/alluxio.bench.Bench/Unary", framed, "application/grpc"));
    }
}

if (!options.UnaryOnly)
{
    measure.Stream("gRPC server streaming, 1 MiB messages", () => GrpcStreamAsync(options.StreamMiB, MiB));
    measure.Stream("gRPC server streaming, 64 KiB messages (same bytes)", () => GrpcStreamAsync(options.StreamMiB * 16, 64 * 1024));
    measure.Stream("gRPC server streaming, 1 MiB, serialized in place (payload writes and reads)", () => GrpcPayloadStreamAsync(options.StreamMiB, MiB));
    measure.Stream("HTTP/2 stream baseline (same stack, no gRPC)", RawStreamAsync);
    measure.Stream("own HTTP/2 server, 1 MiB serialized in place, GrpcChannel payload reads", () => GrpcPayloadStreamAsync(options.StreamMiB, MiB, ownChannel));
    measure.Stream("own HTTP/2 server, 1 MiB serialized in place, DirectChannel reads into a buffer", () => DirectStreamAsync(direct, options.StreamMiB, MiB));
    measure.Stream("Kestrel, 1 MiB serialized in place, DirectChannel reads into a buffer", () => DirectStreamAsync(directToKestrel, options.StreamMiB, MiB));
    measure.Stream("raw TCP socket baseline", () => tcp.ReadStreamAsync(options.StreamMiB, MiB));
}

var results = await measure.RunAsync();
Console.WriteLine();
Console.WriteLine("| Benchmark | Median | Runs (all) | Allocated | GCs gen0/1/2 |");
Console.WriteLine("|---|---:|---|---:|---|");
foreach (var result in results)
    Console.WriteLine(result.ToMarkdown());
Console.WriteLine();
if (!options.StreamOnly)
    Console.WriteLine($"gRPC unary vs HTTP/2 baseline: {results[0].Median / results[1].Median:P0}");
if (!options.UnaryOnly)
{
    double Of(string prefix) => results.First(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).Median;
    var tcpMedian = Of("raw TCP");
    foreach (var result in results.Where(r => r.Unit == "GB/s" && !r.Name.StartsWith("raw TCP", StringComparison.Ordinal)))
        Console.WriteLine($"{result.Name}: {result.Median / tcpMedian:F2}x raw TCP, {result.Median / Of("HTTP/2 stream baseline"):F2}x Kestrel's HTTP/2 stream");
}

async Task RawPostAsync(string path, byte[] body, string? contentType)
{
    using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.Address, path))
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Content = new ByteArrayContent(body),
    };
    if (contentType is not null)
    {
        message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        message.Headers.TryAddWithoutValidation("te", "trailers");
    }

    using var response = await raw.SendAsync(message, CancellationToken.None);
    await response.Content.ReadAsByteArrayAsync();
}

async Task<long> GrpcStreamAsync(int count, int size)
{
    using var call = channel.ServerStreaming(stream, new BenchRequest { Count = count, Size = size });
    long bytes = 0;
    while (await call.ResponseStream.MoveNext(CancellationToken.None))
        bytes += call.ResponseStream.Current.Payload.Length;
    return bytes;
}

async Task<long> GrpcPayloadStreamAsync(int count, int size, GrpcChannel? on = null)
{
    using var call = (on ?? channel).ServerStreaming(streamPayloads, new BenchRequest { Count = count, Size = size });
    long bytes = 0;
    while (await call.ResponsePayloads.MoveNextPayload(CancellationToken.None))
        bytes += call.ResponsePayloads.CurrentPayload.Length; // the serialized reply: its payload plus 4 bytes of field prefix
    return bytes;
}

async Task DirectUnaryAsync(DirectChannel on)
{
    using var call = await on.ServerStreamingAsync(unary, request);
    while (await call.ReadMessageAsync(BenchReply.Parser) is not null)
    {
    }
}

async Task<long> DirectStreamAsync(DirectChannel on, int count, int size)
{
    using var call = await on.ServerStreamingAsync(streamPayloads, new BenchRequest { Count = count, Size = size });
    var buffer = new byte[MiB];
    long bytes = 0;
    while (await call.NextMessageAsync() is not null)
    {
        int n;
        while ((n = await call.ReadAsync(buffer)) > 0)
            bytes += n; // the serialized reply, straight from the socket into the buffer
    }

    return bytes;
}

async Task<long> RawStreamAsync()
{
    using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(server.Address, $"/raw/stream?count={options.StreamMiB}&size={MiB}"))
    {
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
    };
    using var response = await raw.SendAsync(message, CancellationToken.None);
    await using var body = await response.Content.ReadAsStreamAsync();
    var buffer = new byte[MiB];
    long bytes = 0;
    int n;
    while ((n = await body.ReadAsync(buffer)) > 0)
        bytes += n;
    return bytes;
}
