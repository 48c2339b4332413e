namespace Alluxio.Runtime;

/// <summary>Something with a grain identity: a grain reference (proxy) or a grain instance.</summary>
public interface IAddressable;
