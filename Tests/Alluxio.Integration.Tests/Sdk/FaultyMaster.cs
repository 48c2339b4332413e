using System.Collections.Concurrent;
using System.Net;
using Alluxio.Grpc;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.File;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Integration.Tests.Sdk;

/// <summary>
/// A FileSystemMaster on Kestrel (loopback, real HTTP/2) that answers a few rpcs from a tiny in-memory namespace and
/// injects faults on demand: the next N calls of a kind fail with a status, or the metadata session is torn down when
/// a request of a kind arrives. It counts every request it received by kind ("GetStatus", "CreateFile" ...), unary and
/// session alike, so tests can prove what the client sent and how often.
/// </summary>
public sealed class FaultyMaster : IAsyncDisposable
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = FileSystemMasterReflection.Descriptor.Services[0];
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentDictionary<string, Queue<StatusCode>> _faults = new();
    private readonly ConcurrentDictionary<string, bool> _files = new();
    private volatile string? _abortSessionOn;

    private FaultyMaster(WebApplication app) => _app = app;

    /// <summary>"127.0.0.1:port".</summary>
    public string Address { get; private set; } = string.Empty;

    public static async Task<FaultyMaster> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseGrpcH2c()));
        builder.Services.AddGrpcWire();
        var app = builder.Build();
        var master = new FaultyMaster(app);
        master.Map(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        master.Address = new Uri(address).Authority;
        return master;
    }

    /// <summary>How many requests of <paramref name="kind"/> arrived.</summary>
    public int Calls(string kind) => _calls.GetValueOrDefault(kind);

    /// <summary>The next <paramref name="count"/> requests of <paramref name="kind"/> fail with <paramref name="code"/> (not applied).</summary>
    public void FailNext(string kind, int count, StatusCode code = StatusCode.Unavailable)
    {
        var queue = _faults.GetOrAdd(kind, _ => new Queue<StatusCode>());
        lock (queue)
        {
            for (var i = 0; i < count; i++)
            {
                queue.Enqueue(code);
            }
        }
    }

    /// <summary>The session stream carrying a request of <paramref name="kind"/> breaks after the request was applied (no response).</summary>
    public void AbortSessionOn(string kind) => _abortSessionOn = kind;

    /// <summary>Adds a file to the namespace.</summary>
    public void AddFile(string path) => _files[path] = true;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.MapGrpcMethod(Method<GetStatusPRequest, GetStatusPResponse>.From(Service, "GetStatus"), (request, _) => Unary("GetStatus", () => GetStatus(request)));
        app.MapGrpcMethod(Method<CreateFilePRequest, CreateFilePResponse>.From(Service, "CreateFile"), (request, _) => Unary("CreateFile", () => CreateFile(request)));
        app.MapGrpcMethod(Method<ListStatusPRequest, ListStatusPResponse>.From(Service, "ListStatus"), async (ListStatusPRequest request, IServerStreamWriter<ListStatusPResponse> writer, ServerCallContext _) =>
        {
            Count("ListStatus");
            Fault("ListStatus");
            var response = new ListStatusPResponse();
            response.FileInfos.AddRange(_files.Keys.Order(StringComparer.Ordinal).Select(Info));
            await writer.WriteAsync(response);
        });
        app.MapGrpcMethod(Method<MetadataRequestBatch, MetadataResponseBatch>.From(Service, "MetadataSession"), async (IAsyncStreamReader<MetadataRequestBatch> requests, IServerStreamWriter<MetadataResponseBatch> responses, ServerCallContext context) =>
        {
            await foreach (var batch in requests.ReadAllAsync(context.CancellationToken))
            {
                var answers = new MetadataResponseBatch();
                foreach (var request in batch.Requests)
                {
                    var kind = request.RequestCase == MetadataRequest.RequestOneofCase.Remove ? "Remove" : request.RequestCase.ToString();
                    var response = Session(kind, request);
                    if (_abortSessionOn == kind)
                    {
                        _abortSessionOn = null;
                        context.GetHttpContext().Abort();
                        return;
                    }

                    answers.Responses.Add(response);
                }

                await responses.WriteAsync(answers);
            }
        });
    }

    private MetadataResponse Session(string kind, MetadataRequest request)
    {
        var response = new MetadataResponse { Id = request.Id };
        try
        {
            Count(kind);
            Fault(kind);
            switch (request.RequestCase)
            {
                case MetadataRequest.RequestOneofCase.GetStatus:
                    response.GetStatus = GetStatus(request.GetStatus);
                    break;
                case MetadataRequest.RequestOneofCase.CreateFile:
                    response.CreateFile = CreateFile(request.CreateFile);
                    break;
                default:
                    throw new RpcException(new Status(StatusCode.Unimplemented, $"{kind} is not faked."));
            }
        }
        catch (RpcException e)
        {
            response.StatusCode = (int)e.StatusCode;
            response.StatusMessage = e.Status.Detail;
        }

        return response;
    }

    private Task<T> Unary<T>(string kind, Func<T> answer)
    {
        Count(kind);
        Fault(kind);
        return Task.FromResult(answer());
    }

    private GetStatusPResponse GetStatus(GetStatusPRequest request) =>
        _files.ContainsKey(request.Path)
            ? new GetStatusPResponse { FileInfo = Info(request.Path) }
            : throw new RpcException(new Status(StatusCode.NotFound, $"Path \"{request.Path}\" does not exist."));

    private CreateFilePResponse CreateFile(CreateFilePRequest request) =>
        _files.TryAdd(request.Path, true)
            ? new CreateFilePResponse { FileInfo = Info(request.Path) }
            : throw new RpcException(new Status(StatusCode.AlreadyExists, $"Path \"{request.Path}\" already exists."));

    private static Protos.Grpc.File.FileInfo Info(string path) =>
        new() { FileId = path.GetHashCode() & 0xFFFFFF, Path = path, Name = path[(path.LastIndexOf('/') + 1)..], Completed = true, BlockSizeBytes = 64 << 20, Owner = "test", Group = "test", Mode = 0x1A4 };

    private void Count(string kind) => _calls.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private void Fault(string kind)
    {
        if (!_faults.TryGetValue(kind, out var queue))
        {
            return;
        }

        StatusCode code;
        lock (queue)
        {
            if (!queue.TryDequeue(out code))
            {
                return;
            }
        }

        throw new RpcException(new Status(code, $"Injected {code} on {kind}."));
    }
}
