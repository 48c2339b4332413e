using Google.Protobuf.Reflection;

namespace Alluxio.Grpc;

/// <summary>Non-generic helpers over protobuf method descriptors.</summary>
public static class GrpcMethods
{
    /// <summary>The call shape of an rpc, from its streaming flags.</summary>
    public static MethodType GetMethodType(this MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return (method.IsClientStreaming, method.IsServerStreaming) switch
        {
            (false, false) => MethodType.Unary,
            (true, false) => MethodType.ClientStreaming,
            (false, true) => MethodType.ServerStreaming,
            _ => MethodType.DuplexStreaming,
        };
    }

    /// <summary>The HTTP/2 path of an rpc: <c>/package.Service/Name</c>.</summary>
    public static string GetFullName(this MethodDescriptor method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return "/" + method.Service.FullName + "/" + method.Name;
    }
}
