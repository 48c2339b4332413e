using System.Reflection;
using Alluxio.Grains.Gateway;

namespace Alluxio.Client.Gateway;

/// <summary>
/// The client side of one grain method: its wire name, which parameters are sent, and how the call's result becomes
/// the method's return type (a compiled generic adapter per result type, built once per method).
/// </summary>
internal sealed class GatewayMethod
{
    private static readonly MethodInfo TaskOfDefinition = typeof(GatewayMethod).GetMethod(nameof(TaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo ValueTaskOfDefinition = typeof(GatewayMethod).GetMethod(nameof(ValueTaskOf), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo StreamOfDefinition = typeof(GatewayMethod).GetMethod(nameof(StreamOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public GatewayMethod(MethodInfo method)
    {
        Key = GatewayCodec.MethodKey(method);
        ParameterTypes = [.. method.GetParameters().Select(p => p.ParameterType)];
        CancellationIndex = Array.IndexOf(ParameterTypes, typeof(CancellationToken));
        var (shape, valueType) = GatewayCodec.Result(method.ReturnType);
        Shape = shape;
        Adapt = shape switch
        {
            GrainResultShape.Completion when method.ReturnType == typeof(ValueTask) => (client, call, token) => new ValueTask(client.InvokeAsync(call, token)),
            GrainResultShape.Completion => (client, call, token) => client.InvokeAsync(call, token),
            GrainResultShape.Value => (method.ReturnType.GetGenericTypeDefinition() == typeof(ValueTask<>) ? ValueTaskOfDefinition : TaskOfDefinition)
                .MakeGenericMethod(valueType!).CreateDelegate<Func<GrainClient, Protos.Grpc.Gateway.GrainCallP, CancellationToken, object>>(),
            _ => StreamOfDefinition.MakeGenericMethod(valueType!).CreateDelegate<Func<GrainClient, Protos.Grpc.Gateway.GrainCallP, CancellationToken, object>>(),
        };
    }

    /// <summary>"Name(ParamType,...)".</summary>
    public string Key { get; }

    public Type[] ParameterTypes { get; }

    /// <summary>The index of the CancellationToken parameter, or -1.</summary>
    public int CancellationIndex { get; }

    public GrainResultShape Shape { get; }

    /// <summary>Starts the call and returns what the method returns (a Task, ValueTask or IAsyncEnumerable).</summary>
    public Func<GrainClient, Protos.Grpc.Gateway.GrainCallP, CancellationToken, object> Adapt { get; }

    private static object TaskOf<T>(GrainClient client, Protos.Grpc.Gateway.GrainCallP call, CancellationToken token) => client.InvokeAsync<T>(call, token);

    private static object ValueTaskOf<T>(GrainClient client, Protos.Grpc.Gateway.GrainCallP call, CancellationToken token) => new ValueTask<T>(client.InvokeAsync<T>(call, token));

    private static object StreamOf<T>(GrainClient client, Protos.Grpc.Gateway.GrainCallP call, CancellationToken token) => client.StreamAsync<T>(call, token);
}
