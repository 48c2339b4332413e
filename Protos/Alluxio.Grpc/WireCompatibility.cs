using System.Reflection;
using Google.Protobuf.Reflection;

namespace Alluxio.Grpc;

/// <summary>
/// Decides whether one message type may stand for another on the wire: a "view" that a server writes instead of the
/// declared response (for example one that carries already-serialized submessages as <c>bytes</c>), or that a client
/// reads a response as. Peers never see the difference, because the encodings are identical.
/// </summary>
/// <remarks>
/// The rule, field by field of the view: the declared message has a field of the same number and cardinality, and
/// either the same type (messages compared recursively, enums by being enums) or the view has <c>bytes</c> where the
/// declared message has an embedded message (both are length-delimited; the bytes must then be a serialized message
/// of that type, which the view's producer guarantees). Fields of the declared message that the view lacks are never
/// written by it, and land in the view's unknown fields when read. A string is not accepted for bytes, because the
/// declared side would validate UTF-8 the view never checked.
/// </remarks>
public static class WireCompatibility
{
    /// <summary>Why <paramref name="view"/> cannot stand for <paramref name="declared"/>, or null when it can.</summary>
    public static string? Explain(MessageDescriptor declared, MessageDescriptor view)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(view);
        return Explain(declared, view, []);
    }

    /// <summary>The descriptor of a generated message type (its static <c>Descriptor</c> property), or null.</summary>
    public static MessageDescriptor? DescriptorOf(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return messageType.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as MessageDescriptor;
    }

    private static string? Explain(MessageDescriptor declared, MessageDescriptor view, HashSet<(string, string)> seen)
    {
        if (declared.FullName == view.FullName || !seen.Add((declared.FullName, view.FullName)))
        {
            return null;
        }

        foreach (var field in view.Fields.InFieldNumberOrder())
        {
            var match = declared.FindFieldByNumber(field.FieldNumber);
            var where = $"{view.FullName}.{field.Name} (#{field.FieldNumber})";
            if (match is null)
            {
                return $"{where} has no field of that number in {declared.FullName}.";
            }

            if (match.IsRepeated != field.IsRepeated || match.IsMap != field.IsMap)
            {
                return $"{where} and {declared.FullName}.{match.Name} differ in cardinality.";
            }

            var problem = (match.FieldType, field.FieldType) switch
            {
                (FieldType.Message, FieldType.Message) => Explain(match.MessageType, field.MessageType, seen),
                (FieldType.Message, FieldType.Bytes) => null,
                var (a, b) when a == b => null,
                var (a, b) => $"{where} is {b} where {declared.FullName}.{match.Name} is {a}.",
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }
}
