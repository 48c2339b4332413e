namespace Alluxio.Runtime;

/// <summary>
/// Marker for grain interfaces. Methods of a grain interface return <see cref="Task"/>, <see cref="Task{T}"/>,
/// <see cref="ValueTask"/>, <see cref="ValueTask{T}"/> or <see cref="IAsyncEnumerable{T}"/>, and may take one
/// <see cref="CancellationToken"/> as their last parameter. Arguments and results are copied between caller and grain
/// unless their type is immutable (see <see cref="ImmutableAttribute"/>).
/// </summary>
public interface IGrain : IAddressable;

/// <summary>A grain addressed by a <see cref="Guid"/>.</summary>
public interface IGrainWithGuidKey : IGrain;

/// <summary>A grain addressed by a <see cref="long"/>.</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain addressed by a <see cref="string"/>.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain addressed by a <see cref="Guid"/> and a string key extension.</summary>
public interface IGrainWithGuidCompoundKey : IGrain;

/// <summary>A grain addressed by a <see cref="long"/> and a string key extension.</summary>
public interface IGrainWithIntegerCompoundKey : IGrain;
