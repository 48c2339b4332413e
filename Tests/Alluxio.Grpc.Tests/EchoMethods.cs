using Alluxio.Grpc.Tests.Echo;
using Google.Protobuf.Reflection;

namespace Alluxio.Grpc.Tests;

internal static class EchoMethods
{
    public static readonly ServiceDescriptor Service = EchoReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Echo");
    public static readonly Method<EchoRequest, EchoReply> Unary = Method<EchoRequest, EchoReply>.From(Service, "Unary", MethodType.Unary);
    public static readonly Method<StreamRequest, EchoReply> ServerStream = Method<StreamRequest, EchoReply>.From(Service, "ServerStream", MethodType.ServerStreaming);
    public static readonly Method<SumRequest, SumReply> ClientStream = Method<SumRequest, SumReply>.From(Service, "ClientStream", MethodType.ClientStreaming);
    public static readonly Method<EchoRequest, EchoReply> Duplex = Method<EchoRequest, EchoReply>.From(Service, "Duplex", MethodType.DuplexStreaming);
    public static readonly Method<FailRequest, EchoReply> Fail = Method<FailRequest, EchoReply>.From(Service, "Fail");
    public static readonly Method<SlowRequest, EchoReply> Slow = Method<SlowRequest, EchoReply>.From(Service, "Slow");
}
