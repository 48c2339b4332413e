using System.Reflection;
using System.Text.Json;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.Gateway;
using Alluxio.Grpc;
using Alluxio.Grpc.Server;
using Alluxio.Protos.Grpc.Gateway;
using Alluxio.Silo.Gateway;
using Google.Protobuf;

namespace Alluxio.Silo.Grpc;

/// <summary>
/// alluxio.grpc.gateway.GrainGateway: grain calls from .NET processes outside the silo (the grain client). A call names
/// the interface, key and method; the gateway builds the arguments from JSON, fills CancellationToken parameters with
/// the call's cancellation and CallerIdentity parameters with the user of the connection (the same SIMPLE
/// authentication as every other service: a client cannot claim another identity in an argument), calls the grain
/// through the silo's own reference, and answers with the result's JSON or the error's status. Streams are written in
/// batches of up to <see cref="BatchItems"/> items or <see cref="BatchBytes"/> bytes, sent early whenever the grain has
/// no next item ready.
/// </summary>
internal sealed class GrainGatewayService(GatewayTargets targets)
{
    private const int BatchItems = 512;
    private const int BatchBytes = 256 << 10;

    public Task<GrainResultP> Invoke(GrainCallP request, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var (target, returned) = Call(request, context, GrainResultShape.Completion, GrainResultShape.Value);
        if (target.Shape == GrainResultShape.Completion)
        {
            await GatewayTarget.AwaitCompletion(returned);
            return new GrainResultP();
        }

        return new GrainResultP { Value = UnsafeByteOperations.UnsafeWrap(await target.Await!(returned)) };
    });

    public Task InvokeStream(GrainCallP request, IServerStreamWriter<GrainItemsP> responses, ServerCallContext context) => GrpcErrors.Map(async () =>
    {
        var (target, returned) = Call(request, context, GrainResultShape.Stream);
        await using var items = target.Enumerate!(returned, context.CancellationToken).GetAsyncEnumerator(context.CancellationToken);
        var batch = new GrainItemsP();
        var bytes = 0;
        while (true)
        {
            var next = items.MoveNextAsync();
            if (!next.IsCompleted && batch.Items.Count > 0)
            {
                await responses.WriteAsync(batch); // The grain is working on the next item: let the client have these.
                (batch, bytes) = (new GrainItemsP(), 0);
            }

            if (!await next)
            {
                break;
            }

            batch.Items.Add(UnsafeByteOperations.UnsafeWrap(items.Current));
            bytes += items.Current.Length;
            if (batch.Items.Count >= BatchItems || bytes >= BatchBytes)
            {
                await responses.WriteAsync(batch);
                (batch, bytes) = (new GrainItemsP(), 0);
            }
        }

        if (batch.Items.Count > 0)
        {
            await responses.WriteAsync(batch);
        }

        return true;
    });

    /// <summary>Resolves and starts the call; the returned object is the method's Task, ValueTask or IAsyncEnumerable.</summary>
    private (GatewayTarget Target, object Returned) Call(GrainCallP request, ServerCallContext context, params GrainResultShape[] shapes)
    {
        var (grain, target) = targets.Resolve(request);
        if (!shapes.Contains(target.Shape))
        {
            throw new InvalidArgumentException(target.Shape == GrainResultShape.Stream
                ? $"{target.Method.Name} returns a stream: call it with InvokeStream."
                : $"{target.Method.Name} returns a single result: call it with Invoke.");
        }

        var arguments = Arguments(request, target, context);
        try
        {
            return (target, target.Method.Invoke(grain, arguments) ?? throw new InvalidOperationException($"{target.Method.Name} returned null."));
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();
            throw;
        }
    }

    private static object?[] Arguments(GrainCallP request, GatewayTarget target, ServerCallContext context)
    {
        var parameters = target.Parameters;
        if (request.Arguments.Count != parameters.Length)
        {
            throw new InvalidArgumentException($"{target.Method.Name} takes {parameters.Length} arguments, the call has {request.Arguments.Count}.");
        }

        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type == typeof(CancellationToken))
            {
                arguments[i] = context.CancellationToken;
            }
            else if (type == typeof(Grains.Security.CallerIdentity))
            {
                arguments[i] = CallerIdentities.From(context);
            }
            else
            {
                try
                {
                    arguments[i] = GatewayCodec.Deserialize(request.Arguments[i].Span, type);
                }
                catch (JsonException e)
                {
                    throw new InvalidArgumentException($"Argument {parameters[i].Name} of {target.Method.Name} is not a {type.Name}: {e.Message}");
                }
            }
        }

        return arguments;
    }
}
